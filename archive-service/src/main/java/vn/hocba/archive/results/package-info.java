/** Thông tư 22 results of a student, computed from the stored marks. */
package vn.hocba.archive.results;
