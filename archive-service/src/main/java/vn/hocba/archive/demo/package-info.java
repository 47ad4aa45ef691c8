/** The embedded default's demo school, loaded on first start. */
package vn.hocba.archive.demo;
