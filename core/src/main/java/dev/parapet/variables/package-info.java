/** The SecLang variables and collections a rule can inspect. */
package dev.parapet.variables;
