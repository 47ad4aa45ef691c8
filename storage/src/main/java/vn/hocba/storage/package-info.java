/**
 * Write-once (WORM) object storage for signed school records: the {@link vn.hocba.storage.ObjectStore}
 * port, its value types and its exceptions. Plain Java, no framework.
 */
package vn.hocba.storage;
