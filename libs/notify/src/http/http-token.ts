// RFC 9110's token (node's checkIsHttpToken): methods and header names, in requests and responses.
export const HTTP_TOKEN = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
