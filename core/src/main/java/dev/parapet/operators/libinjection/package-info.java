/** A pure-Java implementation of libinjection's SQL-injection and XSS detectors (BSD-3-Clause data, see LICENSE-libinjection.txt). */
package dev.parapet.operators.libinjection;
