/** SecLang operators ({@code @rx}, {@code @pm}, {@code @detectSQLi}, …), one class each, registered by name in {@link dev.parapet.operators.OperatorRegistry}. */
package dev.parapet.operators;
