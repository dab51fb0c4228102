/**
 * The field groups the built-in strategy configs share (one place for the original platform's shared rules) and the
 * unit conversions.
 */
package io.solbot.strategies.common;
