/** The embedded default's demo school, loaded on first start. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"school"})
package vn.hocba.archive.demo;
