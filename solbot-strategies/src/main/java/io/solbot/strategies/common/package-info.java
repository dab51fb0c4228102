/**
 * The field groups the built-in strategy configs share (one place for the original platform's shared rules), the
 * unit conversions, and the base of the validation-only providers.
 */
package io.solbot.strategies.common;
