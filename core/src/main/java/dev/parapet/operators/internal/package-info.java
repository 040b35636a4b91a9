/** Matching machinery behind the operators: the ModSecurity-compatible regex layer, Aho–Corasick, IP sets. Not API. */
package dev.parapet.operators.internal;
