/** Reading ModSecurity SecLang: directives, action lists, target lists and macros. Errors are {@link dev.parapet.seclang.SecLangException}s naming file and line. */
package dev.parapet.seclang;
