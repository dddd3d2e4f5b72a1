// The standard library's top-level modules (Python 3.11's `sys.stdlib_module_names` without the private ones, and the
// Python 2 names old logs still show): a project module of one of these names shadows the standard one.
const NAMES = new Set(
  [
    'abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb binascii bisect',
    'builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys compileall',
    'concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm',
    'decimal difflib dis distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp',
    'fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip',
    'hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress itertools json keyword',
    'lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib msvcrt',
    'multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse os ossaudiodev pathlib',
    'pdb pickle pickletools pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd',
    'py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy',
    'sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket socketserver spwd',
    'sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct subprocess sunau',
    'symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading time timeit',
    'tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata',
    'unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp',
    'zipfile zipimport zlib zoneinfo ConfigParser Queue SocketServer StringIO cPickle cStringIO commands httplib',
    'urllib2 urlparse HTMLParser Cookie cookielib thread sets md5 sha exceptions'
  ].flatMap((line) => line.split(' '))
)

export const isStdlibModule = (name: string): boolean => NAMES.has(name.split('.')[0])

/**
 * Attributes Python itself removed from a standard module (What's New in 3.2–3.13): their absence is the Python
 * version's, not a shadowing module's.
 */
const REMOVED_ATTRIBUTES: Record<string, readonly string[]> = {
  collections: ['Mapping', 'MutableMapping', 'Sequence', 'MutableSequence', 'Iterable', 'Iterator', 'Callable', 'Set', 'MutableSet', 'Hashable'],
  inspect: ['getargspec', 'formatargspec', 'getmoduleinfo'],
  time: ['clock'],
  asyncio: ['coroutine', 'async'],
  ssl: ['wrap_socket', 'match_hostname', 'RAND_pseudo_bytes', 'PROTOCOL_SSLv2', 'PROTOCOL_SSLv3'],
  configparser: ['SafeConfigParser'],
  os: ['errno', 'getcwdu'],
  cgi: ['escape', 'parse_qs', 'parse_qsl'],
  base64: ['encodestring', 'decodestring'],
  platform: ['linux_distribution', 'dist', 'popen'],
  string: ['maketrans', 'letters', 'lowercase', 'uppercase', 'join', 'split', 'replace'],
  sys: ['maxint', 'setdefaultencoding', 'exc_clear'],
  unittest: ['makeSuite', 'findTestCases', 'getTestCaseNames'],
  fractions: ['gcd'],
  pkgutil: ['ImpImporter', 'ImpLoader'],
  typing: ['io', 're', 'ByteString'],
  gettext: ['lgettext', 'ldgettext', 'lngettext', 'bind_textdomain_codeset']
}

/** Python removed `attribute` from the standard module `module` (so a module that lacks it may be the real one). */
export const removedFromStdlib = (module: string, attribute: string): boolean => REMOVED_ATTRIBUTES[module]?.includes(attribute) ?? false
