/**
 * A consumer of trust-core on the module path; its tests, patched into this module, check what such
 * a consumer can see and call.
 */
module dev.trustbucket.moduletest {
  requires dev.trustbucket;
}
