// Signing in or out changes the session cookie, which the server layouts read. A client-side
// route change would reuse the old render; a full page load makes the server see the new cookie
// and also drops every cached query of the previous user.
export function loadPage(path: string): void {
  window.location.assign(path);
}
