/** The append-only, hash-chained audit log of every state change. */
package vn.hocba.archive.audit;
