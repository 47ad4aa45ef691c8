/** Who the caller is: accounts, authentication, and the roles the other features check. */
package vn.hocba.archive.security;
