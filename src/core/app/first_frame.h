// When the page's first frame is worth waiting for: on the way back from sign-in, the
// screens between the redirect and the inventory ("Signing in…", "Finding your
// organizations…") last a few round trips, and drawing them costs more than it tells.
#pragma once

#include "core/app/app_state.h"

namespace patdesk::app {

// The longest the first frame waits, from start-up. The page's own loading indicator (an
// HTML spinner, drawn by the browser without the canvas) shows meanwhile.
inline constexpr double kFirstFrameWaitLimitMs = 1000;

// True while start-up is still on its way to a screen worth showing: config.json not read,
// the sign-in code being redeemed, or the organizations and their first lists being fetched.
// An error, or `msSinceStart` past the limit, ends the wait.
//
// Why wait at all: each drawn frame occupies the page's main thread (the frame, then in a
// browser that composites without a GPU a read-back of the whole canvas), and the responses
// of the requests in flight queue behind it. Not drawing them lets the calls run back to
// back, and the first frame shows the inventory.
bool firstFrameWaits(const AppState& s, double msSinceStart);

}  // namespace patdesk::app
