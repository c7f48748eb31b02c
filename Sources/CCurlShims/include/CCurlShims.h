// CCurlShims: typed entry points to libcurl's variadic curl_easy_setopt and
// curl_easy_getinfo, which Swift refuses to call. Only Delivery/ imports this.
#ifndef CRIEUR_CCURL_SHIMS_H
#define CRIEUR_CCURL_SHIMS_H

#include <curl/curl.h>

CURLcode crieur_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode crieur_curl_setopt_ptr(CURL *handle, CURLoption option, const void *value);
CURLcode crieur_curl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode crieur_curl_setopt_read_function(CURL *handle,
    size_t (*callback)(char *buffer, size_t size, size_t count, void *userdata));
CURLcode crieur_curl_setopt_write_function(CURL *handle,
    size_t (*callback)(char *buffer, size_t size, size_t count, void *userdata));
/// Every server reply line of SMTP (and other line-based protocols) reaches this
/// callback: the only way to read the reply text that goes with the code.
CURLcode crieur_curl_setopt_header_function(CURL *handle,
    size_t (*callback)(char *buffer, size_t size, size_t count, void *userdata));
/// Called about once a second even while libcurl waits for a silent server
/// (with CURLOPT_NOPROGRESS 0): a non-zero return aborts the transfer with
/// CURLE_ABORTED_BY_CALLBACK. The only way to stop a blocked curl_easy_perform.
CURLcode crieur_curl_setopt_xferinfo_function(CURL *handle,
    int (*callback)(void *userdata, curl_off_t downloadTotal, curl_off_t downloaded,
                    curl_off_t uploadTotal, curl_off_t uploaded));
CURLcode crieur_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode crieur_curl_getinfo_socket(CURL *handle, CURLINFO info, curl_socket_t *value);

/// The running libcurl's version string, e.g. "libcurl/7.88.1 OpenSSL/3.0.17 ...".
const char *crieur_curl_version(void);

#endif
