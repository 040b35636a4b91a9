/**
 * {@link dev.parapet.servlet.ParapetFilter}: a Jakarta Servlet 6 filter that runs a Parapet firewall around every
 * request and response of a servlet application.
 */
package dev.parapet.servlet;
