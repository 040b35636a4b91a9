/** The compiled program and its compiler. Not API: may change in any release. */
package dev.parapet.engine.internal;
