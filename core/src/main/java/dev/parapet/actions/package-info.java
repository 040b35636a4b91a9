/** SecLang actions ({@code setvar}, {@code ctl}, {@code deny}, …), one class each, registered by name in {@link dev.parapet.actions.ActionRegistry}. */
package dev.parapet.actions;
