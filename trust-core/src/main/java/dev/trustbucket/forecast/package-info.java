/**
 * Looking ahead and sideways: {@link dev.trustbucket.forecast.RecoveryForecast} (how many drops
 * until a level or tier, and when), {@link dev.trustbucket.forecast.Impact} (what one more event
 * would do now) and {@link dev.trustbucket.forecast.WhatIf} (the same history with one event
 * changed).
 */
@NullMarked
package dev.trustbucket.forecast;

import org.jspecify.annotations.NullMarked;
