/**
 * Implementation of {@code io.solbot.core.config}: constraint validators, the bots-file reader and binder. Public
 * only because Hibernate Validator instantiates validators reflectively; not API, may change in any release.
 */
package io.solbot.core.config.internal;
