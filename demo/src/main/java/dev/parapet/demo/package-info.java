/** The runnable demo: {@link dev.parapet.demo.DemoServer}, an embedded Jetty 12 application behind the filter. */
package dev.parapet.demo;
