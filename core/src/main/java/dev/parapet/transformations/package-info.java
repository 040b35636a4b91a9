/** SecLang transformations ({@code t:urlDecodeUni}, …), one class each, registered by name in {@link dev.parapet.transformations.TransformationRegistry}. */
package dev.parapet.transformations;
