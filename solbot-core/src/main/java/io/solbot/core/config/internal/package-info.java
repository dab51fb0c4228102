/**
 * Implementation of {@code io.solbot.core.config}: constraint validators, the bots-file reader and binder. Not
 * exported by the module (opened to Hibernate Validator, which instantiates the validators); not API, may change in
 * any release.
 */
package io.solbot.core.config.internal;
