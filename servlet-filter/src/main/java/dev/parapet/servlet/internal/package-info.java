/**
 * The filter's request and response wrappers (body replay, response inspection, block page); not a public API.
 */
package dev.parapet.servlet.internal;
