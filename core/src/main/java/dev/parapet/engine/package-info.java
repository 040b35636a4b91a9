/**
 * The engine: {@link dev.parapet.engine.Firewall} (a compiled, immutable rule set shared by all threads) and
 * {@link dev.parapet.engine.Transaction} (one request, fed phase by phase, returning an
 * {@link dev.parapet.engine.Interruption} when a rule stops it).
 */
package dev.parapet.engine;
