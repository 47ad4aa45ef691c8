/** The archive: signed records written once to immutable object storage. */
package vn.hocba.archive.archive;
