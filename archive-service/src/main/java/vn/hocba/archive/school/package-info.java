/** School data of a school year: the import of hocba.school-year/v1 datasets and read access to what was stored. */
package vn.hocba.archive.school;
