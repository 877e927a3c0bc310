#ifndef JOURNAL_CCMARKGFM_SHIM_H
#define JOURNAL_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
/* houdini_unescape_html: the character-reference decoder (every HTML5 entity) of Markdown text. */
#include <cmark-gfm/houdini.h>
#endif
