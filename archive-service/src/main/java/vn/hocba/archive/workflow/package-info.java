/** The signing workflow of a student record: render, collect signatures in sequence, hand over to the archive. */
package vn.hocba.archive.workflow;
