/** Full-text search over archived records, restricted to what the caller may see. */
package vn.hocba.archive.search;
