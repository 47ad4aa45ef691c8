/** Hocba's application: one top-level package per feature (Spring Modulith application modules). */
package vn.hocba.archive;
