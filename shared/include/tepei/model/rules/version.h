#pragma once
// Version of the Tepei model library: the rules that every replica runs. Replicas that fold the
// same log with the same rules version reach the same state (R-SYNC-2).

namespace tepei::model {

// Semantic version of the product, e.g. "0.1.0".
const char* productVersion();

// Bumped whenever a rule changes what a fold computes; a server refuses to sync with clients
// whose rules version differs, since their tentative states would disagree.
int rulesVersion();

} // namespace tepei::model
