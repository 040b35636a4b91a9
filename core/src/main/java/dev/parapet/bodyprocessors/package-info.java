/** Request body parsers (URLENCODED, MULTIPART, JSON, XML), registered by name in {@link dev.parapet.bodyprocessors.BodyProcessorRegistry}. */
package dev.parapet.bodyprocessors;
