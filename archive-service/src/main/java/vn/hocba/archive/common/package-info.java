/** What every feature shares: the problem+json error model and small value helpers. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.hocba.archive.common;
