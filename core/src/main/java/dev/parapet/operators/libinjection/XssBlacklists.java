package dev.parapet.operators.libinjection;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tag, attribute and event-name lists of libinjection's {@code libinjection_xss.c}
 * (libinjection, Copyright (c) 2012-2016 Nick Galbreath, BSD-3-Clause; see
 * {@code LICENSE-libinjection.txt} next to this class). All names are upper case; callers
 * compare ASCII-upper-cased input against them, through the {@code *_TABLE} forms, which look a
 * region of the input up in place.
 */
final class XssBlacklists {

    /** How an attribute is dangerous, libinjection's {@code attribute_t}. */
    enum AttributeType {
        /** Harmless. */
        NONE,
        /** Dangerous whatever its value. */
        BLACK,
        /** Dangerous when its value is a {@code javascript:}-like URL. */
        URL,
        /** Holds CSS: always dangerous. */
        STYLE,
        /** Its value names another attribute (SVG {@code attributeName}). */
        INDIRECT
    }

    /**
     * Event names that make {@code on<name>} an event-handler attribute; libinjection took them
     * mostly from WebKit's {@code EventNames.h}. An attribute matches when the name follows
     * {@code on} as a prefix ({@code onclickfoo} matches {@code CLICK}).
     */
    static final Set<String> EVENTS = Set.of(
            "ABORT", "ACTIVATE", "ACTIVE", "ADDSOURCEBUFFER", "ADDSTREAM", "ADDTRACK", "AFTERPRINT",
            "ANIMATIONCANCEL", "ANIMATIONEND", "ANIMATIONITERATION", "ANIMATIONSTART", "AUDIOEND",
            "AUDIOPROCESS", "AUDIOSTART", "AUTOCOMPLETE", "AUTOCOMPLETEERROR", "BEFOREACTIVATE", "BEFORECOPY",
            "BEFORECUT", "BEFOREINPUT", "BEFORELOAD", "BEFOREPASTE", "BEFOREPRINT", "BEFOREUNLOAD",
            "BEGINEVENT", "BLOCKED", "BLUR", "BOUNDARY", "BUFFEREDAMOUNTLOW", "CACHED", "CANCEL", "CANPLAY",
            "CANPLAYTHROUGH", "CHANGE", "CHARGINGCHANGE", "CHARGINGTIMECHANGE", "CHECKING", "CLICK", "CLOSE",
            "COMPLETE", "COMPOSITIONEND", "COMPOSITIONSTART", "COMPOSITIONUPDATE", "CONNECT", "CONNECTING",
            "CONNECTIONSTATECHANGE", "CONTEXTMENU", "CONTROLLERCHANGE", "COPY", "CUECHANGE", "CUT",
            "DATAAVAILABLE", "DATACHANNEL", "DBLCLICK", "DEVICECHANGE", "DEVICEMOTION", "DEVICEORIENTATION",
            "DISCHARGINGTIMECHANGE", "DISCONNECT", "DOMACTIVATE", "DOMCHARACTERDATAMODIFIED",
            "DOMCONTENTLOADED", "DOMFOCUSIN", "DOMFOCUSOUT", "DOMNODEINSERTED", "DOMNODEINSERTEDINTODOCUMENT",
            "DOMNODEREMOVED", "DOMNODEREMOVEDFROMDOCUMENT", "DOMSUBTREEMODIFIED", "DOWNLOADING", "DRAG",
            "DRAGEND", "DRAGENTER", "DRAGLEAVE", "DRAGOVER", "DRAGSTART", "DROP", "DURATIONCHANGE", "EMPTIED",
            "ENCRYPTED", "END", "ENDED", "ENDEVENT", "ENTER", "ENTERPICTUREINPICTURE", "ERROR", "EXIT",
            "FETCH", "FINISH", "FOCUS", "FOCUSIN", "FOCUSOUT", "FORMCHANGE", "FORMINPUT", "GAMEPADCONNECTED",
            "GAMEPADDISCONNECTED", "GESTURECHANGE", "GESTUREEND", "GESTURESCROLLEND", "GESTURESCROLLSTART",
            "GESTURESCROLLUPDATE", "GESTURESTART", "GESTURETAP", "GESTURETAPDOWN", "GOTPOINTERCAPTURE",
            "HASHCHANGE", "ICECANDIDATE", "ICECANDIDATEERROR", "ICECONNECTIONSTATECHANGE",
            "ICEGATHERINGSTATECHANGE", "INACTIVE", "INPUT", "INPUTSOURCESCHANGE", "INSTALL", "INVALID",
            "KEYDOWN", "KEYPRESS", "KEYSTATUSESCHANGE", "KEYUP", "LANGUAGECHANGE", "LEAVEPICTUREINPICTURE",
            "LEVELCHANGE", "LOAD", "LOADEDDATA", "LOADEDMETADATA", "LOADEND", "LOADING", "LOADINGDONE",
            "LOADINGERROR", "LOADSTART", "LOSTPOINTERCAPTURE", "MARK", "MERCHANTVALIDATION", "MESSAGE",
            "MESSAGEERROR", "MOUSEDOWN", "MOUSEENTER", "MOUSELEAVE", "MOUSEMOVE", "MOUSEOUT", "MOUSEOVER",
            "MOUSEUP", "MOUSEWHEEL", "MUTE", "NEGOTIATIONNEEDED", "NEXTTRACK", "NOMATCH", "NOUPDATE",
            "OBSOLETE", "OFFLINE", "ONLINE", "OPEN", "ORIENTATIONCHANGE", "OVERCONSTRAINED",
            "OVERFLOWCHANGED", "PAGEHIDE", "PAGESHOW", "PASTE", "PAUSE", "PAYERDETAILCHANGE",
            "PAYMENTAUTHORIZED", "PAYMENTMETHODCHANGE", "PAYMENTMETHODSELECTED", "PLAY", "PLAYING",
            "POINTERCANCEL", "POINTERDOWN", "POINTERENTER", "POINTERLEAVE", "POINTERLOCKCHANGE",
            "POINTERLOCKERROR", "POINTERMOVE", "POINTEROUT", "POINTEROVER", "POINTERUP", "POPSTATE",
            "PREVIOUSTRACK", "PROCESSORERROR", "PROGRESS", "PROPERTYCHANGE", "RATECHANGE", "READYSTATECHANGE",
            "REJECTIONHANDLED", "REMOVE", "REMOVESOURCEBUFFER", "REMOVESTREAM", "REMOVETRACK", "RESET",
            "RESIZE", "RESOURCETIMINGBUFFERFULL", "RESULT", "RESUME", "SCROLL", "SEARCH",
            "SECURITYPOLICYVIOLATION", "SEEKED", "SEEKING", "SELECT", "SELECTEND", "SELECTIONCHANGE",
            "SELECTSTART", "SHIPPINGADDRESSCHANGE", "SHIPPINGCONTACTSELECTED", "SHIPPINGMETHODSELECTED",
            "SHIPPINGOPTIONCHANGE", "SHOW", "SIGNALINGSTATECHANGE", "SLOTCHANGE", "SOUNDEND", "SOUNDSTART",
            "SOURCECLOSE", "SOURCEENDED", "SOURCEOPEN", "SPEECHEND", "SPEECHSTART", "SQUEEZE", "SQUEEZEEND",
            "SQUEEZESTART", "STALLED", "START", "STARTED", "STATECHANGE", "STOP", "STORAGE", "SUBMIT",
            "SUCCESS", "SUSPEND", "TEXTINPUT", "TIMEOUT", "TIMEUPDATE", "TOGGLE", "TONECHANGE", "TOUCHCANCEL",
            "TOUCHEND", "TOUCHFORCECHANGE", "TOUCHMOVE", "TOUCHSTART", "TRACK", "TRANSITIONCANCEL",
            "TRANSITIONEND", "TRANSITIONRUN", "TRANSITIONSTART", "UNCAPTUREDERROR", "UNHANDLEDREJECTION",
            "UNLOAD", "UNMUTE", "UPDATE", "UPDATEEND", "UPDATEFOUND", "UPDATEREADY", "UPDATESTART",
            "UPGRADENEEDED", "VALIDATEMERCHANT", "VERSIONCHANGE", "VISIBILITYCHANGE", "VOLUMECHANGE",
            "WAITING", "WAITINGFORKEY", "WEBGLCONTEXTCHANGED", "WEBGLCONTEXTCREATIONERROR",
            "WEBGLCONTEXTLOST", "WEBGLCONTEXTRESTORED", "WEBKITANIMATIONEND", "WEBKITANIMATIONITERATION",
            "WEBKITANIMATIONSTART", "WEBKITBEFORETEXTINSERTED", "WEBKITBEGINFULLSCREEN",
            "WEBKITCURRENTPLAYBACKTARGETISWIRELESSCHANGED", "WEBKITENDFULLSCREEN", "WEBKITFULLSCREENCHANGE",
            "WEBKITFULLSCREENERROR", "WEBKITKEYADDED", "WEBKITKEYERROR", "WEBKITKEYMESSAGE",
            "WEBKITMOUSEFORCECHANGED", "WEBKITMOUSEFORCEDOWN", "WEBKITMOUSEFORCEUP",
            "WEBKITMOUSEFORCEWILLBEGIN", "WEBKITNEEDKEY", "WEBKITNETWORKINFOCHANGE",
            "WEBKITPLAYBACKTARGETAVAILABILITYCHANGED", "WEBKITPRESENTATIONMODECHANGED",
            "WEBKITREGIONOVERSETCHANGE", "WEBKITREMOVESOURCEBUFFER", "WEBKITSOURCECLOSE", "WEBKITSOURCEENDED",
            "WEBKITSOURCEOPEN", "WEBKITSPEECHCHANGE", "WEBKITTRANSITIONEND", "WEBKITWILLREVEALBOTTOM",
            "WEBKITWILLREVEALLEFT", "WEBKITWILLREVEALRIGHT", "WEBKITWILLREVEALTOP", "WHEEL", "WRITE",
            "WRITEEND", "WRITESTART", "ZOOM");

    /** Longest entry of {@link #EVENTS}, bounding the prefix search. */
    static final int LONGEST_EVENT = EVENTS.stream().mapToInt(String::length).max().orElse(0);

    static final AsciiCaseInsensitiveTable EVENT_TABLE = AsciiCaseInsensitiveTable.of(List.copyOf(EVENTS));

    /** Attributes matched by exact (case-insensitive) name. */
    static final Map<String, AttributeType> ATTRIBUTES = Map.ofEntries(
            Map.entry("ACTION", AttributeType.URL), // form
            Map.entry("ATTRIBUTENAME", AttributeType.INDIRECT), // SVG names an attribute in a value
            Map.entry("BY", AttributeType.URL), // SVG
            Map.entry("BACKGROUND", AttributeType.URL), // IE6, Opera 11
            Map.entry("DATAFORMATAS", AttributeType.BLACK), // IE
            Map.entry("DATASRC", AttributeType.BLACK), // IE
            Map.entry("DYNSRC", AttributeType.URL), // obsolete img attribute
            Map.entry("FILTER", AttributeType.STYLE), // Opera, SVG inline style
            Map.entry("FORMACTION", AttributeType.URL), // HTML 5
            Map.entry("FOLDER", AttributeType.URL), // only on A tags, IE-only
            Map.entry("FROM", AttributeType.URL), // SVG
            Map.entry("HANDLER", AttributeType.URL), // SVG Tiny, Opera
            Map.entry("HREF", AttributeType.URL),
            Map.entry("LOWSRC", AttributeType.URL), // obsolete img attribute
            Map.entry("POSTER", AttributeType.URL), // Opera 10, 11
            Map.entry("SRC", AttributeType.URL),
            Map.entry("STYLE", AttributeType.STYLE),
            Map.entry("TO", AttributeType.URL), // SVG
            Map.entry("VALUES", AttributeType.URL), // SVG
            Map.entry("XLINK:HREF", AttributeType.URL));

    private static final List<String> ATTRIBUTE_NAMES = List.copyOf(ATTRIBUTES.keySet());

    static final AsciiCaseInsensitiveTable ATTRIBUTE_TABLE = AsciiCaseInsensitiveTable.of(ATTRIBUTE_NAMES);

    /** {@link #ATTRIBUTES}' values by {@link #ATTRIBUTE_TABLE} key number. */
    static final AttributeType[] ATTRIBUTE_TYPES =
            ATTRIBUTE_NAMES.stream().map(ATTRIBUTES::get).toArray(AttributeType[]::new);

    /** Attribute-name prefixes that are always dangerous: XMLNS can create arbitrary tags. */
    static final Set<String> ATTRIBUTE_PREFIXES = Set.of("XMLNS", "XLINK");

    static final AsciiCaseInsensitiveTable ATTRIBUTE_PREFIX_TABLE =
            AsciiCaseInsensitiveTable.of(List.copyOf(ATTRIBUTE_PREFIXES));

    /** Tags matched by exact (case-insensitive) name. */
    static final Set<String> TAGS = Set.of(
            "APPLET",
            "BASE",
            "COMMENT", // IE, http://html5sec.org/#38
            "EMBED",
            "FRAME",
            "FRAMESET",
            "HANDLER", // Opera SVG, effectively a script tag
            "IFRAME",
            "IMPORT",
            "ISINDEX",
            "LINK",
            "LISTENER",
            "META",
            "NOSCRIPT",
            "OBJECT",
            "SCRIPT",
            "STYLE",
            "VMLFRAME",
            "XML",
            "XSS");

    static final AsciiCaseInsensitiveTable TAG_TABLE = AsciiCaseInsensitiveTable.of(List.copyOf(TAGS));

    /** Tag-name prefixes that are always dangerous: anything SVG or XSL(T). */
    static final Set<String> TAG_PREFIXES = Set.of("SVG", "XSL");

    static final AsciiCaseInsensitiveTable TAG_PREFIX_TABLE = AsciiCaseInsensitiveTable.of(List.copyOf(TAG_PREFIXES));

    /** URL scheme prefixes flagged in URL-typed attributes; {@code JAVA} covers {@code javascript:}. */
    static final List<String> URL_PREFIXES = List.of("DATA", "VIEW-SOURCE", "JAVA", "VBSCRIPT");

    private XssBlacklists() {}
}
