/**
 * Public validation of a signed document (Thông tư 15/2025: what a viewer of a signed document shows): the report of
 * an uploaded PDF ({@code POST /api/v1/validation}, the upload form on {@code /verify}) and the page of an archived
 * document that its printed QR code opens ({@code /verify/{lookupCode}}). Anyone may use it, without an account.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "pki", "school", "workflow"})
package vn.hocba.archive.validation;
