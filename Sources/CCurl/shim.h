#ifndef CONVENE_CCURL_SHIM_H
#define CONVENE_CCURL_SHIM_H

#include <curl/curl.h>

/* curl_easy_setopt is variadic: typed setters for Swift. */
static inline CURLcode convene_curl_set_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode convene_curl_set_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode convene_curl_set_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode convene_curl_set_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode convene_curl_set_read_callback(CURL *h, size_t (*f)(char *, size_t, size_t, void *)) {
    return curl_easy_setopt(h, CURLOPT_READFUNCTION, f);
}

static inline CURLcode convene_curl_set_write_callback(CURL *h, size_t (*f)(char *, size_t, size_t, void *)) {
    return curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, f);
}
static inline CURLcode convene_curl_set_header_callback(CURL *h, size_t (*f)(char *, size_t, size_t, void *)) {
    return curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, f);
}
static inline CURLcode convene_curl_set_opensocket_callback(CURL *h, curl_opensocket_callback f) {
    return curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, f);
}
static inline CURLcode convene_curl_set_off_t(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
/* The offset of the address in libcurl's socket description, whatever its family. */
static inline struct sockaddr *convene_curl_sockaddr(struct curl_sockaddr *a) { return &a->addr; }
/* curl_easy_getinfo is variadic too. */
static inline CURLcode convene_curl_response_code(CURL *h, long *code) {
    return curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, code);
}

#endif
