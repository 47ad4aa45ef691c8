/** The archive: signed records written once to immutable object storage. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common"})
package vn.hocba.archive.archive;
