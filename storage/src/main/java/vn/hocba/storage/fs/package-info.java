/**
 * Embedded filesystem adapter of the {@link vn.hocba.storage.ObjectStore} port.
 */
package vn.hocba.storage.fs;
