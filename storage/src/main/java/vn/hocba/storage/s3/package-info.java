/** The S3 Object Lock adapter of the object store port: the only package that knows the MinIO client. */
package vn.hocba.storage.s3;
