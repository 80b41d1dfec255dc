package dev.restauth.users.control;

/**
 * What the metrics read of the password-hashing limit ({@code passwords.concurrency}): whatever
 * bounds the hashing implements it (today the {@link HashingExecutor}), so that the gauges of
 * {@code restauth_password_checks_waiting} and {@code _running} never depend on how it does.
 */
public interface HashingLoad {

    /** Password checks waiting for a hashing thread now. */
    int waiting();

    /** Password checks hashing now. */
    int running();
}
