/** The web pages and the API's error model. */
package vn.hocba.archive.web;
