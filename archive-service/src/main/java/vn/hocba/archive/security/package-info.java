/** Who the caller is: accounts, authentication, and the roles the other features check. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "school"})
package vn.hocba.archive.security;
