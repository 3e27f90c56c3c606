// The keys patdesk hands to ImGui, by their DOM KeyboardEvent.keyCode (web_main.cpp's keydown
// and keyup listeners; ImGui 1.86 indexes io.KeysDown[512] by whatever code the platform picks).
// keyCode is deprecated for text, but it is stable for these physical keys in every browser,
// and text never comes this way: typed characters arrive through the hidden <textarea>.
#pragma once

#include <emscripten/html5.h>

struct ImGuiIO;

namespace patdesk::web::dom_key {

constexpr int Backspace = 8;
constexpr int Tab = 9;
constexpr int Enter = 13;
constexpr int Shift = 16;
constexpr int Control = 17;
constexpr int Alt = 18;
constexpr int Escape = 27;
constexpr int Space = 32;
constexpr int PageUp = 33;
constexpr int PageDown = 34;
constexpr int End = 35;
constexpr int Home = 36;
constexpr int Left = 37;
constexpr int Up = 38;
constexpr int Right = 39;
constexpr int Down = 40;
constexpr int Insert = 45;
constexpr int Delete = 46;
constexpr int A = 65;
constexpr int C = 67;
constexpr int V = 86;
constexpr int X = 88;
constexpr int Y = 89;
constexpr int Z = 90;
constexpr int MetaLeft = 91;   // Chromium, Safari
constexpr int MetaRight = 93;  // Chromium, Safari
constexpr int MetaFirefox = 224;
// The numeric keypad's Enter has Enter's keyCode; it is told apart by its location (3) and
// given a code of its own above the DOM's range.
constexpr int KeypadEnter = 256 + Enter;

}  // namespace patdesk::web::dom_key

namespace patdesk::web {

// The code a key event stands for here (Enter on the keypad gets KeypadEnter).
int keyCodeOf(const EmscriptenKeyboardEvent& e);

// io.KeyMap: which of these codes is ImGui's Tab, arrows, Enter, Ctrl+A/C/V/X/Y/Z...
void mapImGuiKeys(ImGuiIO& io);

}  // namespace patdesk::web
