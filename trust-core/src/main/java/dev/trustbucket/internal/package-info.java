/**
 * Implementation details shared by the library's packages, such as {@link
 * dev.trustbucket.internal.EpochMicros}. Not API: anything here may change in any release.
 */
@NullMarked
package dev.trustbucket.internal;

import org.jspecify.annotations.NullMarked;
