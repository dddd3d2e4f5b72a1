#!/usr/bin/env node
import { createRequire as __gsCreateRequire } from 'module'; const require = __gsCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// ../main/node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "../main/node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar;
    exports.isSeq = isSeq;
  }
});

// ../main/node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "../main/node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path15) {
      const ctrl = callVisitor(key, node, visitor, path15);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path15, ctrl);
        return visit_(key, ctrl, visitor, path15);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path15 = Object.freeze(path15.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path15);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path15 = Object.freeze(path15.concat(node));
          const ck = visit_("key", node.key, visitor, path15);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path15);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path15) {
      const ctrl = await callVisitor(key, node, visitor, path15);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path15, ctrl);
        return visitAsync_(key, ctrl, visitor, path15);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path15 = Object.freeze(path15.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path15);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path15 = Object.freeze(path15.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path15);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path15);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path15) {
      if (typeof visitor === "function")
        return visitor(key, node, path15);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path15);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path15);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path15);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path15);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path15);
      return void 0;
    }
    function replaceNode(key, path15, node) {
      const parent = path15[path15.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// ../main/node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "../main/node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// ../main/node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "../main/node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// ../main/node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "../main/node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// ../main/node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "../main/node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// ../main/node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "../main/node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// ../main/node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "../main/node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// ../main/node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "../main/node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// ../main/node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "../main/node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// ../main/node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "../main/node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path15, value) {
      let v = value;
      for (let i = path15.length - 1; i >= 0; --i) {
        const k = path15[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path15) => path15 == null || typeof path15 === "object" && !!path15[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path15, value) {
        if (isEmptyPath(path15))
          this.add(value);
        else {
          const [key, ...rest] = path15;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path15) {
        const [key, ...rest] = path15;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path15, keepScalar) {
        const [key, ...rest] = path15;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path15) {
        const [key, ...rest] = path15;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path15, value) {
        const [key, ...rest] = path15;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// ../main/node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "../main/node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// ../main/node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "../main/node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split2 = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split2 = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split2 = i;
          }
          if (i >= end) {
            if (split2) {
              folds.push(split2);
              end = split2 + endStep;
              split2 = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split2 = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// ../main/node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "../main/node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code2.substr(0, 2) === "00")
                      str += "\\x" + code2.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// ../main/node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "../main/node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// ../main/node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "../main/node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// ../main/node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "../main/node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// ../main/node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "../main/node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// ../main/node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "../main/node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// ../main/node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "../main/node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// ../main/node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "../main/node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// ../main/node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "../main/node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// ../main/node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "../main/node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// ../main/node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "../main/node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// ../main/node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "../main/node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// ../main/node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "../main/node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// ../main/node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "../main/node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// ../main/node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "../main/node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// ../main/node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "../main/node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// ../main/node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "../main/node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// ../main/node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "../main/node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// ../main/node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "../main/node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// ../main/node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "../main/node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// ../main/node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "../main/node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// ../main/node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "../main/node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// ../main/node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "../main/node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// ../main/node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "../main/node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// ../main/node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "../main/node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// ../main/node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "../main/node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// ../main/node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "../main/node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// ../main/node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "../main/node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// ../main/node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "../main/node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// ../main/node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "../main/node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// ../main/node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "../main/node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// ../main/node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "../main/node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// ../main/node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "../main/node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path15, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path15, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path15) {
        if (Collection.isEmptyPath(path15)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path15) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path15, keepScalar) {
        if (Collection.isEmptyPath(path15))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path15, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path15) {
        if (Collection.isEmptyPath(path15))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path15) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path15, value) {
        if (Collection.isEmptyPath(path15)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path15), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path15, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// ../main/node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "../main/node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// ../main/node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "../main/node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// ../main/node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "../main/node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// ../main/node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "../main/node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// ../main/node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "../main/node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// ../main/node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "../main/node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep2, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep2) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep2 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// ../main/node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "../main/node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// ../main/node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "../main/node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep2 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep2 + cb;
              sep2 = "";
              break;
            }
            case "newline":
              if (comment)
                sep2 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// ../main/node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "../main/node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap = fc.start.source === "{";
      const fcName = isMap ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep2, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap && !sep2 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep2 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap && !props.found && ctx.options.strict) {
              if (sep2)
                for (const st of sep2) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// ../main/node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "../main/node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// ../main/node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "../main/node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep2 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep2 === " ")
            sep2 = "\n";
          else if (!prevMoreIndented && sep2 === "\n")
            sep2 = "\n\n";
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep2 === "\n")
            value += "\n";
          else
            sep2 = "\n";
        } else {
          value += sep2 + content;
          sep2 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split2 = source.split(/\n( *)/);
      const first = split2[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split2.length; i += 2)
        lines.push([split2[i], split2[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// ../main/node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "../main/node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel2, code2, msg) => onError(offset + rel2, code2, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep2 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep2 === "\n")
            res += sep2;
          else
            sep2 = "\n";
        } else {
          res += sep2 + lm;
          sep2 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep2 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// ../main/node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "../main/node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// ../main/node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "../main/node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// ../main/node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "../main/node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// ../main/node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "../main/node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// ../main/node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "../main/node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// ../main/node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "../main/node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// ../main/node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "../main/node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep2, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep2)
        for (const st of sep2)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// ../main/node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "../main/node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path15) => {
      let item = cst;
      for (const [field, index] of path15) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path15) => {
      const parent = visit.itemAtPath(cst, path15.slice(0, -1));
      const field = path15[path15.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path15, item, visitor) {
      let ctrl = visitor(item, path15);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path15.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path15);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path15) : ctrl;
    }
    exports.visit = visit;
  }
});

// ../main/node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "../main/node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// ../main/node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "../main/node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// ../main/node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "../main/node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// ../main/node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "../main/node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep2;
          if (scalar.end) {
            sep2 = scalar.end;
            sep2.push(this.sourceToken);
            delete scalar.end;
          } else
            sep2 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep2 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep2 = it.sep;
                  sep2.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep2 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs11 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs11, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs11);
              } else {
                Object.assign(it, { key: fs11, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs11 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs11, sep: [] });
              else if (it.sep)
                this.stack.push(fs11);
              else
                Object.assign(it, { key: fs11, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep2 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// ../main/node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "../main/node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions2(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions2(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions2(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// ../main/node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "../main/node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// ../main/node_modules/ws/lib/constants.js
var require_constants = __commonJS({
  "../main/node_modules/ws/lib/constants.js"(exports, module) {
    "use strict";
    var BINARY_TYPES = ["nodebuffer", "arraybuffer", "fragments"];
    var hasBlob = typeof Blob !== "undefined";
    if (hasBlob) BINARY_TYPES.push("blob");
    module.exports = {
      BINARY_TYPES,
      CLOSE_TIMEOUT: 3e4,
      EMPTY_BUFFER: Buffer.alloc(0),
      GUID: "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
      hasBlob,
      kForOnEventAttribute: /* @__PURE__ */ Symbol("kIsForOnEventAttribute"),
      kListener: /* @__PURE__ */ Symbol("kListener"),
      kStatusCode: /* @__PURE__ */ Symbol("status-code"),
      kWebSocket: /* @__PURE__ */ Symbol("websocket"),
      NOOP: () => {
      }
    };
  }
});

// ../main/node_modules/ws/lib/buffer-util.js
var require_buffer_util = __commonJS({
  "../main/node_modules/ws/lib/buffer-util.js"(exports, module) {
    "use strict";
    var { websocketMask, websocketUnmask } = __require("http");
    var { EMPTY_BUFFER } = require_constants();
    var FastBuffer = Buffer[Symbol.species];
    function concat(list, totalLength) {
      if (list.length === 0) return EMPTY_BUFFER;
      if (list.length === 1) return list[0];
      const target = Buffer.allocUnsafe(totalLength);
      let offset = 0;
      for (let i = 0; i < list.length; i++) {
        const buf = list[i];
        target.set(buf, offset);
        offset += buf.length;
      }
      if (offset < totalLength) {
        return new FastBuffer(target.buffer, target.byteOffset, offset);
      }
      return target;
    }
    function _mask(source, mask, output, offset, length) {
      for (let i = 0; i < length; i++) {
        output[offset + i] = source[i] ^ mask[i & 3];
      }
    }
    function _unmask(buffer, mask) {
      for (let i = 0; i < buffer.length; i++) {
        buffer[i] ^= mask[i & 3];
      }
    }
    function toArrayBuffer(buf) {
      if (buf.length === buf.buffer.byteLength) {
        return buf.buffer;
      }
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
    }
    function toBuffer(data) {
      toBuffer.readOnly = true;
      if (Buffer.isBuffer(data)) return data;
      let buf;
      if (data instanceof ArrayBuffer) {
        buf = new FastBuffer(data);
      } else if (ArrayBuffer.isView(data)) {
        buf = new FastBuffer(data.buffer, data.byteOffset, data.byteLength);
      } else {
        buf = Buffer.from(data);
        toBuffer.readOnly = false;
      }
      return buf;
    }
    module.exports = {
      concat,
      mask: _mask,
      toArrayBuffer,
      toBuffer,
      unmask: _unmask
    };
    if (websocketMask) {
      module.exports.mask = function(source, mask, output, offset, length) {
        if (length < 24) _mask(source, mask, output, offset, length);
        else websocketMask(source, mask, output, offset, length);
      };
      module.exports.unmask = function(buffer, mask) {
        if (buffer.length < 24) _unmask(buffer, mask);
        else websocketUnmask(buffer, mask);
      };
    } else if (!process.env.WS_NO_BUFFER_UTIL) {
      try {
        const bufferUtil = __require("bufferutil");
        module.exports.mask = function(source, mask, output, offset, length) {
          if (length < 48) _mask(source, mask, output, offset, length);
          else bufferUtil.mask(source, mask, output, offset, length);
        };
        module.exports.unmask = function(buffer, mask) {
          if (buffer.length < 32) _unmask(buffer, mask);
          else bufferUtil.unmask(buffer, mask);
        };
      } catch (e) {
      }
    }
  }
});

// ../main/node_modules/ws/lib/limiter.js
var require_limiter = __commonJS({
  "../main/node_modules/ws/lib/limiter.js"(exports, module) {
    "use strict";
    var kDone = /* @__PURE__ */ Symbol("kDone");
    var kRun = /* @__PURE__ */ Symbol("kRun");
    var Limiter = class {
      /**
       * Creates a new `Limiter`.
       *
       * @param {Number} [concurrency=Infinity] The maximum number of jobs allowed
       *     to run concurrently
       */
      constructor(concurrency) {
        this[kDone] = () => {
          this.pending--;
          this[kRun]();
        };
        this.concurrency = concurrency || Infinity;
        this.jobs = [];
        this.pending = 0;
      }
      /**
       * Adds a job to the queue.
       *
       * @param {Function} job The job to run
       * @public
       */
      add(job) {
        this.jobs.push(job);
        this[kRun]();
      }
      /**
       * Removes a job from the queue and runs it if possible.
       *
       * @private
       */
      [kRun]() {
        if (this.pending === this.concurrency) return;
        if (this.jobs.length) {
          const job = this.jobs.shift();
          this.pending++;
          job(this[kDone]);
        }
      }
    };
    module.exports = Limiter;
  }
});

// ../main/node_modules/ws/lib/permessage-deflate.js
var require_permessage_deflate = __commonJS({
  "../main/node_modules/ws/lib/permessage-deflate.js"(exports, module) {
    "use strict";
    var zlib = __require("zlib");
    var bufferUtil = require_buffer_util();
    var Limiter = require_limiter();
    var { kStatusCode } = require_constants();
    var FastBuffer = Buffer[Symbol.species];
    var TRAILER = Buffer.from([0, 0, 255, 255]);
    var kPerMessageDeflate = /* @__PURE__ */ Symbol("permessage-deflate");
    var kTotalLength = /* @__PURE__ */ Symbol("total-length");
    var kCallback = /* @__PURE__ */ Symbol("callback");
    var kBuffers = /* @__PURE__ */ Symbol("buffers");
    var kError = /* @__PURE__ */ Symbol("error");
    var zlibLimiter;
    var PerMessageDeflate2 = class {
      /**
       * Creates a PerMessageDeflate instance.
       *
       * @param {Object} [options] Configuration options
       * @param {(Boolean|Number)} [options.clientMaxWindowBits] Advertise support
       *     for, or request, a custom client window size
       * @param {Boolean} [options.clientNoContextTakeover=false] Advertise/
       *     acknowledge disabling of client context takeover
       * @param {Number} [options.concurrencyLimit=10] The number of concurrent
       *     calls to zlib
       * @param {Boolean} [options.isServer=false] Create the instance in either
       *     server or client mode
       * @param {Number} [options.maxPayload=0] The maximum allowed message length
       * @param {(Boolean|Number)} [options.serverMaxWindowBits] Request/confirm the
       *     use of a custom server window size
       * @param {Boolean} [options.serverNoContextTakeover=false] Request/accept
       *     disabling of server context takeover
       * @param {Number} [options.threshold=1024] Size (in bytes) below which
       *     messages should not be compressed if context takeover is disabled
       * @param {Object} [options.zlibDeflateOptions] Options to pass to zlib on
       *     deflate
       * @param {Object} [options.zlibInflateOptions] Options to pass to zlib on
       *     inflate
       */
      constructor(options) {
        this._options = options || {};
        this._threshold = this._options.threshold !== void 0 ? this._options.threshold : 1024;
        this._maxPayload = this._options.maxPayload | 0;
        this._isServer = !!this._options.isServer;
        this._deflate = null;
        this._inflate = null;
        this.params = null;
        if (!zlibLimiter) {
          const concurrency = this._options.concurrencyLimit !== void 0 ? this._options.concurrencyLimit : 10;
          zlibLimiter = new Limiter(concurrency);
        }
      }
      /**
       * @type {String}
       */
      static get extensionName() {
        return "permessage-deflate";
      }
      /**
       * Create an extension negotiation offer.
       *
       * @return {Object} Extension parameters
       * @public
       */
      offer() {
        const params = {};
        if (this._options.serverNoContextTakeover) {
          params.server_no_context_takeover = true;
        }
        if (this._options.clientNoContextTakeover) {
          params.client_no_context_takeover = true;
        }
        if (this._options.serverMaxWindowBits) {
          params.server_max_window_bits = this._options.serverMaxWindowBits;
        }
        if (this._options.clientMaxWindowBits) {
          params.client_max_window_bits = this._options.clientMaxWindowBits;
        } else if (this._options.clientMaxWindowBits == null) {
          params.client_max_window_bits = true;
        }
        return params;
      }
      /**
       * Accept an extension negotiation offer/response.
       *
       * @param {Array} configurations The extension negotiation offers/reponse
       * @return {Object} Accepted configuration
       * @public
       */
      accept(configurations) {
        configurations = this.normalizeParams(configurations);
        this.params = this._isServer ? this.acceptAsServer(configurations) : this.acceptAsClient(configurations);
        return this.params;
      }
      /**
       * Releases all resources used by the extension.
       *
       * @public
       */
      cleanup() {
        if (this._inflate) {
          this._inflate.close();
          this._inflate = null;
        }
        if (this._deflate) {
          const callback = this._deflate[kCallback];
          this._deflate.close();
          this._deflate = null;
          if (callback) {
            callback(
              new Error(
                "The deflate stream was closed while data was being processed"
              )
            );
          }
        }
      }
      /**
       *  Accept an extension negotiation offer.
       *
       * @param {Array} offers The extension negotiation offers
       * @return {Object} Accepted configuration
       * @private
       */
      acceptAsServer(offers) {
        const opts = this._options;
        const accepted = offers.find((params) => {
          if (opts.serverNoContextTakeover === false && params.server_no_context_takeover || params.server_max_window_bits && (opts.serverMaxWindowBits === false || typeof opts.serverMaxWindowBits === "number" && opts.serverMaxWindowBits > params.server_max_window_bits) || typeof opts.clientMaxWindowBits === "number" && (typeof params.client_max_window_bits === "number" ? opts.clientMaxWindowBits > params.client_max_window_bits : !params.client_max_window_bits)) {
            return false;
          }
          return true;
        });
        if (!accepted) {
          throw new Error("None of the extension offers can be accepted");
        }
        if (opts.serverNoContextTakeover) {
          accepted.server_no_context_takeover = true;
        }
        if (opts.clientNoContextTakeover) {
          accepted.client_no_context_takeover = true;
        }
        if (typeof opts.serverMaxWindowBits === "number") {
          accepted.server_max_window_bits = opts.serverMaxWindowBits;
        }
        if (typeof opts.clientMaxWindowBits === "number") {
          accepted.client_max_window_bits = opts.clientMaxWindowBits;
        } else if (accepted.client_max_window_bits === true || opts.clientMaxWindowBits === false) {
          delete accepted.client_max_window_bits;
        }
        return accepted;
      }
      /**
       * Accept the extension negotiation response.
       *
       * @param {Array} response The extension negotiation response
       * @return {Object} Accepted configuration
       * @private
       */
      acceptAsClient(response) {
        const params = response[0];
        if (this._options.clientNoContextTakeover === false && params.client_no_context_takeover) {
          throw new Error('Unexpected parameter "client_no_context_takeover"');
        }
        if (!params.client_max_window_bits) {
          if (typeof this._options.clientMaxWindowBits === "number") {
            params.client_max_window_bits = this._options.clientMaxWindowBits;
          }
        } else if (this._options.clientMaxWindowBits === false || typeof this._options.clientMaxWindowBits === "number" && params.client_max_window_bits > this._options.clientMaxWindowBits) {
          throw new Error(
            'Unexpected or invalid parameter "client_max_window_bits"'
          );
        }
        return params;
      }
      /**
       * Normalize parameters.
       *
       * @param {Array} configurations The extension negotiation offers/reponse
       * @return {Array} The offers/response with normalized parameters
       * @private
       */
      normalizeParams(configurations) {
        configurations.forEach((params) => {
          Object.keys(params).forEach((key) => {
            let value = params[key];
            if (value.length > 1) {
              throw new Error(`Parameter "${key}" must have only a single value`);
            }
            value = value[0];
            if (key === "client_max_window_bits") {
              if (value !== true) {
                const num = +value;
                if (!Number.isInteger(num) || num < 8 || num > 15) {
                  throw new TypeError(
                    `Invalid value for parameter "${key}": ${value}`
                  );
                }
                value = num;
              } else if (!this._isServer) {
                throw new TypeError(
                  `Invalid value for parameter "${key}": ${value}`
                );
              }
            } else if (key === "server_max_window_bits") {
              const num = +value;
              if (!Number.isInteger(num) || num < 8 || num > 15) {
                throw new TypeError(
                  `Invalid value for parameter "${key}": ${value}`
                );
              }
              value = num;
            } else if (key === "client_no_context_takeover" || key === "server_no_context_takeover") {
              if (value !== true) {
                throw new TypeError(
                  `Invalid value for parameter "${key}": ${value}`
                );
              }
            } else {
              throw new Error(`Unknown parameter "${key}"`);
            }
            params[key] = value;
          });
        });
        return configurations;
      }
      /**
       * Decompress data. Concurrency limited.
       *
       * @param {Buffer} data Compressed data
       * @param {Boolean} fin Specifies whether or not this is the last fragment
       * @param {Function} callback Callback
       * @public
       */
      decompress(data, fin, callback) {
        zlibLimiter.add((done) => {
          this._decompress(data, fin, (err, result) => {
            done();
            callback(err, result);
          });
        });
      }
      /**
       * Compress data. Concurrency limited.
       *
       * @param {(Buffer|String)} data Data to compress
       * @param {Boolean} fin Specifies whether or not this is the last fragment
       * @param {Function} callback Callback
       * @public
       */
      compress(data, fin, callback) {
        zlibLimiter.add((done) => {
          this._compress(data, fin, (err, result) => {
            done();
            callback(err, result);
          });
        });
      }
      /**
       * Decompress data.
       *
       * @param {Buffer} data Compressed data
       * @param {Boolean} fin Specifies whether or not this is the last fragment
       * @param {Function} callback Callback
       * @private
       */
      _decompress(data, fin, callback) {
        const endpoint = this._isServer ? "client" : "server";
        if (!this._inflate) {
          const key = `${endpoint}_max_window_bits`;
          const windowBits = typeof this.params[key] !== "number" ? zlib.Z_DEFAULT_WINDOWBITS : this.params[key];
          this._inflate = zlib.createInflateRaw({
            ...this._options.zlibInflateOptions,
            windowBits
          });
          this._inflate[kPerMessageDeflate] = this;
          this._inflate[kTotalLength] = 0;
          this._inflate[kBuffers] = [];
          this._inflate.on("error", inflateOnError);
          this._inflate.on("data", inflateOnData);
        }
        this._inflate[kCallback] = callback;
        this._inflate.write(data);
        if (fin) this._inflate.write(TRAILER);
        this._inflate.flush(() => {
          const err = this._inflate[kError];
          if (err) {
            this._inflate.close();
            this._inflate = null;
            callback(err);
            return;
          }
          const data2 = bufferUtil.concat(
            this._inflate[kBuffers],
            this._inflate[kTotalLength]
          );
          if (this._inflate._readableState.endEmitted) {
            this._inflate.close();
            this._inflate = null;
          } else {
            this._inflate[kTotalLength] = 0;
            this._inflate[kBuffers] = [];
            if (fin && this.params[`${endpoint}_no_context_takeover`]) {
              this._inflate.reset();
            }
          }
          callback(null, data2);
        });
      }
      /**
       * Compress data.
       *
       * @param {(Buffer|String)} data Data to compress
       * @param {Boolean} fin Specifies whether or not this is the last fragment
       * @param {Function} callback Callback
       * @private
       */
      _compress(data, fin, callback) {
        const endpoint = this._isServer ? "server" : "client";
        if (!this._deflate) {
          const key = `${endpoint}_max_window_bits`;
          const windowBits = typeof this.params[key] !== "number" ? zlib.Z_DEFAULT_WINDOWBITS : this.params[key];
          this._deflate = zlib.createDeflateRaw({
            ...this._options.zlibDeflateOptions,
            windowBits
          });
          this._deflate[kTotalLength] = 0;
          this._deflate[kBuffers] = [];
          this._deflate.on("data", deflateOnData);
        }
        this._deflate[kCallback] = callback;
        this._deflate.write(data);
        this._deflate.flush(zlib.Z_SYNC_FLUSH, () => {
          if (!this._deflate) {
            return;
          }
          let data2 = bufferUtil.concat(
            this._deflate[kBuffers],
            this._deflate[kTotalLength]
          );
          if (fin) {
            data2 = new FastBuffer(data2.buffer, data2.byteOffset, data2.length - 4);
          }
          this._deflate[kCallback] = null;
          this._deflate[kTotalLength] = 0;
          this._deflate[kBuffers] = [];
          if (fin && this.params[`${endpoint}_no_context_takeover`]) {
            this._deflate.reset();
          }
          callback(null, data2);
        });
      }
    };
    module.exports = PerMessageDeflate2;
    function deflateOnData(chunk) {
      this[kBuffers].push(chunk);
      this[kTotalLength] += chunk.length;
    }
    function inflateOnData(chunk) {
      this[kTotalLength] += chunk.length;
      if (this[kPerMessageDeflate]._maxPayload < 1 || this[kTotalLength] <= this[kPerMessageDeflate]._maxPayload) {
        this[kBuffers].push(chunk);
        return;
      }
      this[kError] = new RangeError("Max payload size exceeded");
      this[kError].code = "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH";
      this[kError][kStatusCode] = 1009;
      this.removeListener("data", inflateOnData);
      this.reset();
    }
    function inflateOnError(err) {
      this[kPerMessageDeflate]._inflate = null;
      if (this[kError]) {
        this[kCallback](this[kError]);
        return;
      }
      err[kStatusCode] = 1007;
      this[kCallback](err);
    }
  }
});

// ../main/node_modules/ws/lib/validation.js
var require_validation = __commonJS({
  "../main/node_modules/ws/lib/validation.js"(exports, module) {
    "use strict";
    var { isUtf8 } = __require("buffer");
    var { hasBlob } = require_constants();
    var tokenChars = [
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      // 0 - 15
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      // 16 - 31
      0,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      1,
      1,
      0,
      1,
      1,
      0,
      // 32 - 47
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      // 48 - 63
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      // 64 - 79
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      1,
      1,
      // 80 - 95
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      // 96 - 111
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      0,
      1,
      0
      // 112 - 127
    ];
    function isValidStatusCode(code2) {
      return code2 >= 1e3 && code2 <= 1014 && code2 !== 1004 && code2 !== 1005 && code2 !== 1006 || code2 >= 3e3 && code2 <= 4999;
    }
    function _isValidUTF8(buf) {
      const len = buf.length;
      let i = 0;
      while (i < len) {
        if ((buf[i] & 128) === 0) {
          i++;
        } else if ((buf[i] & 224) === 192) {
          if (i + 1 === len || (buf[i + 1] & 192) !== 128 || (buf[i] & 254) === 192) {
            return false;
          }
          i += 2;
        } else if ((buf[i] & 240) === 224) {
          if (i + 2 >= len || (buf[i + 1] & 192) !== 128 || (buf[i + 2] & 192) !== 128 || buf[i] === 224 && (buf[i + 1] & 224) === 128 || // Overlong
          buf[i] === 237 && (buf[i + 1] & 224) === 160) {
            return false;
          }
          i += 3;
        } else if ((buf[i] & 248) === 240) {
          if (i + 3 >= len || (buf[i + 1] & 192) !== 128 || (buf[i + 2] & 192) !== 128 || (buf[i + 3] & 192) !== 128 || buf[i] === 240 && (buf[i + 1] & 240) === 128 || // Overlong
          buf[i] === 244 && buf[i + 1] > 143 || buf[i] > 244) {
            return false;
          }
          i += 4;
        } else {
          return false;
        }
      }
      return true;
    }
    function isBlob(value) {
      return hasBlob && typeof value === "object" && typeof value.arrayBuffer === "function" && typeof value.type === "string" && typeof value.stream === "function" && (value[Symbol.toStringTag] === "Blob" || value[Symbol.toStringTag] === "File");
    }
    module.exports = {
      isBlob,
      isValidStatusCode,
      isValidUTF8: _isValidUTF8,
      tokenChars
    };
    if (isUtf8) {
      module.exports.isValidUTF8 = function(buf) {
        return buf.length < 24 ? _isValidUTF8(buf) : isUtf8(buf);
      };
    } else if (!process.env.WS_NO_UTF_8_VALIDATE) {
      try {
        const isValidUTF8 = __require("utf-8-validate");
        module.exports.isValidUTF8 = function(buf) {
          return buf.length < 32 ? _isValidUTF8(buf) : isValidUTF8(buf);
        };
      } catch (e) {
      }
    }
  }
});

// ../main/node_modules/ws/lib/receiver.js
var require_receiver = __commonJS({
  "../main/node_modules/ws/lib/receiver.js"(exports, module) {
    "use strict";
    var { Writable } = __require("stream");
    var PerMessageDeflate2 = require_permessage_deflate();
    var {
      BINARY_TYPES,
      EMPTY_BUFFER,
      kStatusCode,
      kWebSocket
    } = require_constants();
    var { concat, toArrayBuffer, unmask } = require_buffer_util();
    var { isValidStatusCode, isValidUTF8 } = require_validation();
    var FastBuffer = Buffer[Symbol.species];
    var GET_INFO = 0;
    var GET_PAYLOAD_LENGTH_16 = 1;
    var GET_PAYLOAD_LENGTH_64 = 2;
    var GET_MASK = 3;
    var GET_DATA = 4;
    var INFLATING = 5;
    var DEFER_EVENT = 6;
    var Receiver2 = class extends Writable {
      /**
       * Creates a Receiver instance.
       *
       * @param {Object} [options] Options object
       * @param {Boolean} [options.allowSynchronousEvents=true] Specifies whether
       *     any of the `'message'`, `'ping'`, and `'pong'` events can be emitted
       *     multiple times in the same tick
       * @param {String} [options.binaryType=nodebuffer] The type for binary data
       * @param {Object} [options.extensions] An object containing the negotiated
       *     extensions
       * @param {Boolean} [options.isServer=false] Specifies whether to operate in
       *     client or server mode
       * @param {Number} [options.maxBufferedChunks=0] The maximum number of
       *     buffered data chunks
       * @param {Number} [options.maxFragments=0] The maximum number of message
       *     fragments
       * @param {Number} [options.maxPayload=0] The maximum allowed message length
       * @param {Boolean} [options.skipUTF8Validation=false] Specifies whether or
       *     not to skip UTF-8 validation for text and close messages
       */
      constructor(options = {}) {
        super();
        this._allowSynchronousEvents = options.allowSynchronousEvents !== void 0 ? options.allowSynchronousEvents : true;
        this._binaryType = options.binaryType || BINARY_TYPES[0];
        this._extensions = options.extensions || {};
        this._isServer = !!options.isServer;
        this._maxBufferedChunks = options.maxBufferedChunks | 0;
        this._maxFragments = options.maxFragments | 0;
        this._maxPayload = options.maxPayload | 0;
        this._skipUTF8Validation = !!options.skipUTF8Validation;
        this[kWebSocket] = void 0;
        this._bufferedBytes = 0;
        this._buffers = [];
        this._compressed = false;
        this._payloadLength = 0;
        this._mask = void 0;
        this._fragmented = 0;
        this._masked = false;
        this._fin = false;
        this._opcode = 0;
        this._totalPayloadLength = 0;
        this._messageLength = 0;
        this._numFragments = 0;
        this._fragments = [];
        this._errored = false;
        this._loop = false;
        this._state = GET_INFO;
      }
      /**
       * Implements `Writable.prototype._write()`.
       *
       * @param {Buffer} chunk The chunk of data to write
       * @param {String} encoding The character encoding of `chunk`
       * @param {Function} cb Callback
       * @private
       */
      _write(chunk, encoding, cb) {
        if (this._opcode === 8 && this._state == GET_INFO) return cb();
        if (this._maxBufferedChunks > 0 && this._buffers.length >= this._maxBufferedChunks) {
          cb(
            this.createError(
              RangeError,
              "Too many buffered chunks",
              false,
              1008,
              "WS_ERR_TOO_MANY_BUFFERED_PARTS"
            )
          );
          return;
        }
        this._bufferedBytes += chunk.length;
        this._buffers.push(chunk);
        this.startLoop(cb);
      }
      /**
       * Consumes `n` bytes from the buffered data.
       *
       * @param {Number} n The number of bytes to consume
       * @return {Buffer} The consumed bytes
       * @private
       */
      consume(n) {
        this._bufferedBytes -= n;
        if (n === this._buffers[0].length) return this._buffers.shift();
        if (n < this._buffers[0].length) {
          const buf = this._buffers[0];
          this._buffers[0] = new FastBuffer(
            buf.buffer,
            buf.byteOffset + n,
            buf.length - n
          );
          return new FastBuffer(buf.buffer, buf.byteOffset, n);
        }
        const dst = Buffer.allocUnsafe(n);
        do {
          const buf = this._buffers[0];
          const offset = dst.length - n;
          if (n >= buf.length) {
            dst.set(this._buffers.shift(), offset);
          } else {
            dst.set(new Uint8Array(buf.buffer, buf.byteOffset, n), offset);
            this._buffers[0] = new FastBuffer(
              buf.buffer,
              buf.byteOffset + n,
              buf.length - n
            );
          }
          n -= buf.length;
        } while (n > 0);
        return dst;
      }
      /**
       * Starts the parsing loop.
       *
       * @param {Function} cb Callback
       * @private
       */
      startLoop(cb) {
        this._loop = true;
        do {
          switch (this._state) {
            case GET_INFO:
              this.getInfo(cb);
              break;
            case GET_PAYLOAD_LENGTH_16:
              this.getPayloadLength16(cb);
              break;
            case GET_PAYLOAD_LENGTH_64:
              this.getPayloadLength64(cb);
              break;
            case GET_MASK:
              this.getMask();
              break;
            case GET_DATA:
              this.getData(cb);
              break;
            case INFLATING:
            case DEFER_EVENT:
              this._loop = false;
              return;
          }
        } while (this._loop);
        if (!this._errored) cb();
      }
      /**
       * Reads the first two bytes of a frame.
       *
       * @param {Function} cb Callback
       * @private
       */
      getInfo(cb) {
        if (this._bufferedBytes < 2) {
          this._loop = false;
          return;
        }
        const buf = this.consume(2);
        if ((buf[0] & 48) !== 0) {
          const error = this.createError(
            RangeError,
            "RSV2 and RSV3 must be clear",
            true,
            1002,
            "WS_ERR_UNEXPECTED_RSV_2_3"
          );
          cb(error);
          return;
        }
        const compressed = (buf[0] & 64) === 64;
        if (compressed && !this._extensions[PerMessageDeflate2.extensionName]) {
          const error = this.createError(
            RangeError,
            "RSV1 must be clear",
            true,
            1002,
            "WS_ERR_UNEXPECTED_RSV_1"
          );
          cb(error);
          return;
        }
        this._fin = (buf[0] & 128) === 128;
        this._opcode = buf[0] & 15;
        this._payloadLength = buf[1] & 127;
        if (this._opcode === 0) {
          if (compressed) {
            const error = this.createError(
              RangeError,
              "RSV1 must be clear",
              true,
              1002,
              "WS_ERR_UNEXPECTED_RSV_1"
            );
            cb(error);
            return;
          }
          if (!this._fragmented) {
            const error = this.createError(
              RangeError,
              "invalid opcode 0",
              true,
              1002,
              "WS_ERR_INVALID_OPCODE"
            );
            cb(error);
            return;
          }
          this._opcode = this._fragmented;
        } else if (this._opcode === 1 || this._opcode === 2) {
          if (this._fragmented) {
            const error = this.createError(
              RangeError,
              `invalid opcode ${this._opcode}`,
              true,
              1002,
              "WS_ERR_INVALID_OPCODE"
            );
            cb(error);
            return;
          }
          this._compressed = compressed;
        } else if (this._opcode > 7 && this._opcode < 11) {
          if (!this._fin) {
            const error = this.createError(
              RangeError,
              "FIN must be set",
              true,
              1002,
              "WS_ERR_EXPECTED_FIN"
            );
            cb(error);
            return;
          }
          if (compressed) {
            const error = this.createError(
              RangeError,
              "RSV1 must be clear",
              true,
              1002,
              "WS_ERR_UNEXPECTED_RSV_1"
            );
            cb(error);
            return;
          }
          if (this._payloadLength > 125 || this._opcode === 8 && this._payloadLength === 1) {
            const error = this.createError(
              RangeError,
              `invalid payload length ${this._payloadLength}`,
              true,
              1002,
              "WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH"
            );
            cb(error);
            return;
          }
        } else {
          const error = this.createError(
            RangeError,
            `invalid opcode ${this._opcode}`,
            true,
            1002,
            "WS_ERR_INVALID_OPCODE"
          );
          cb(error);
          return;
        }
        if (!this._fin && !this._fragmented) this._fragmented = this._opcode;
        this._masked = (buf[1] & 128) === 128;
        if (this._isServer) {
          if (!this._masked) {
            const error = this.createError(
              RangeError,
              "MASK must be set",
              true,
              1002,
              "WS_ERR_EXPECTED_MASK"
            );
            cb(error);
            return;
          }
        } else if (this._masked) {
          const error = this.createError(
            RangeError,
            "MASK must be clear",
            true,
            1002,
            "WS_ERR_UNEXPECTED_MASK"
          );
          cb(error);
          return;
        }
        if (this._payloadLength === 126) this._state = GET_PAYLOAD_LENGTH_16;
        else if (this._payloadLength === 127) this._state = GET_PAYLOAD_LENGTH_64;
        else this.haveLength(cb);
      }
      /**
       * Gets extended payload length (7+16).
       *
       * @param {Function} cb Callback
       * @private
       */
      getPayloadLength16(cb) {
        if (this._bufferedBytes < 2) {
          this._loop = false;
          return;
        }
        this._payloadLength = this.consume(2).readUInt16BE(0);
        this.haveLength(cb);
      }
      /**
       * Gets extended payload length (7+64).
       *
       * @param {Function} cb Callback
       * @private
       */
      getPayloadLength64(cb) {
        if (this._bufferedBytes < 8) {
          this._loop = false;
          return;
        }
        const buf = this.consume(8);
        const num = buf.readUInt32BE(0);
        if (num > Math.pow(2, 53 - 32) - 1) {
          const error = this.createError(
            RangeError,
            "Unsupported WebSocket frame: payload length > 2^53 - 1",
            false,
            1009,
            "WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH"
          );
          cb(error);
          return;
        }
        this._payloadLength = num * Math.pow(2, 32) + buf.readUInt32BE(4);
        this.haveLength(cb);
      }
      /**
       * Payload length has been read.
       *
       * @param {Function} cb Callback
       * @private
       */
      haveLength(cb) {
        if (this._payloadLength && this._opcode < 8) {
          this._totalPayloadLength += this._payloadLength;
          if (this._totalPayloadLength > this._maxPayload && this._maxPayload > 0) {
            const error = this.createError(
              RangeError,
              "Max payload size exceeded",
              false,
              1009,
              "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH"
            );
            cb(error);
            return;
          }
        }
        if (this._masked) this._state = GET_MASK;
        else this._state = GET_DATA;
      }
      /**
       * Reads mask bytes.
       *
       * @private
       */
      getMask() {
        if (this._bufferedBytes < 4) {
          this._loop = false;
          return;
        }
        this._mask = this.consume(4);
        this._state = GET_DATA;
      }
      /**
       * Reads data bytes.
       *
       * @param {Function} cb Callback
       * @private
       */
      getData(cb) {
        let data = EMPTY_BUFFER;
        if (this._payloadLength) {
          if (this._bufferedBytes < this._payloadLength) {
            this._loop = false;
            return;
          }
          data = this.consume(this._payloadLength);
          if (this._masked && (this._mask[0] | this._mask[1] | this._mask[2] | this._mask[3]) !== 0) {
            unmask(data, this._mask);
          }
        }
        this._mask = void 0;
        if (this._opcode > 7) {
          this.controlMessage(data, cb);
          return;
        }
        if (this._maxFragments > 0 && ++this._numFragments > this._maxFragments) {
          const error = this.createError(
            RangeError,
            "Too many message fragments",
            false,
            1008,
            "WS_ERR_TOO_MANY_BUFFERED_PARTS"
          );
          cb(error);
          return;
        }
        if (this._compressed) {
          this._state = INFLATING;
          this.decompress(data, cb);
          return;
        }
        if (data.length) {
          this._messageLength = this._totalPayloadLength;
          this._fragments.push(data);
        }
        this.dataMessage(cb);
      }
      /**
       * Decompresses data.
       *
       * @param {Buffer} data Compressed data
       * @param {Function} cb Callback
       * @private
       */
      decompress(data, cb) {
        const perMessageDeflate = this._extensions[PerMessageDeflate2.extensionName];
        perMessageDeflate.decompress(data, this._fin, (err, buf) => {
          if (err) return cb(err);
          if (buf.length) {
            this._messageLength += buf.length;
            if (this._messageLength > this._maxPayload && this._maxPayload > 0) {
              const error = this.createError(
                RangeError,
                "Max payload size exceeded",
                false,
                1009,
                "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH"
              );
              cb(error);
              return;
            }
            this._fragments.push(buf);
          }
          this.dataMessage(cb);
          if (this._state === GET_INFO) this.startLoop(cb);
        });
      }
      /**
       * Handles a data message.
       *
       * @param {Function} cb Callback
       * @private
       */
      dataMessage(cb) {
        if (!this._fin) {
          this._state = GET_INFO;
          return;
        }
        const messageLength = this._messageLength;
        const fragments = this._fragments;
        this._totalPayloadLength = 0;
        this._messageLength = 0;
        this._fragmented = 0;
        this._numFragments = 0;
        this._fragments = [];
        if (this._opcode === 2) {
          let data;
          if (this._binaryType === "nodebuffer") {
            data = concat(fragments, messageLength);
          } else if (this._binaryType === "arraybuffer") {
            data = toArrayBuffer(concat(fragments, messageLength));
          } else if (this._binaryType === "blob") {
            data = new Blob(fragments);
          } else {
            data = fragments;
          }
          if (this._allowSynchronousEvents) {
            this.emit("message", data, true);
            this._state = GET_INFO;
          } else {
            this._state = DEFER_EVENT;
            setImmediate(() => {
              this.emit("message", data, true);
              this._state = GET_INFO;
              this.startLoop(cb);
            });
          }
        } else {
          const buf = concat(fragments, messageLength);
          if (!this._skipUTF8Validation && !isValidUTF8(buf)) {
            const error = this.createError(
              Error,
              "invalid UTF-8 sequence",
              true,
              1007,
              "WS_ERR_INVALID_UTF8"
            );
            cb(error);
            return;
          }
          if (this._state === INFLATING || this._allowSynchronousEvents) {
            this.emit("message", buf, false);
            this._state = GET_INFO;
          } else {
            this._state = DEFER_EVENT;
            setImmediate(() => {
              this.emit("message", buf, false);
              this._state = GET_INFO;
              this.startLoop(cb);
            });
          }
        }
      }
      /**
       * Handles a control message.
       *
       * @param {Buffer} data Data to handle
       * @return {(Error|RangeError|undefined)} A possible error
       * @private
       */
      controlMessage(data, cb) {
        if (this._opcode === 8) {
          if (data.length === 0) {
            this._loop = false;
            this.emit("conclude", 1005, EMPTY_BUFFER);
            this.end();
          } else {
            const code2 = data.readUInt16BE(0);
            if (!isValidStatusCode(code2)) {
              const error = this.createError(
                RangeError,
                `invalid status code ${code2}`,
                true,
                1002,
                "WS_ERR_INVALID_CLOSE_CODE"
              );
              cb(error);
              return;
            }
            const buf = new FastBuffer(
              data.buffer,
              data.byteOffset + 2,
              data.length - 2
            );
            if (!this._skipUTF8Validation && !isValidUTF8(buf)) {
              const error = this.createError(
                Error,
                "invalid UTF-8 sequence",
                true,
                1007,
                "WS_ERR_INVALID_UTF8"
              );
              cb(error);
              return;
            }
            this._loop = false;
            this.emit("conclude", code2, buf);
            this.end();
          }
          this._state = GET_INFO;
          return;
        }
        if (this._allowSynchronousEvents) {
          this.emit(this._opcode === 9 ? "ping" : "pong", data);
          this._state = GET_INFO;
        } else {
          this._state = DEFER_EVENT;
          setImmediate(() => {
            this.emit(this._opcode === 9 ? "ping" : "pong", data);
            this._state = GET_INFO;
            this.startLoop(cb);
          });
        }
      }
      /**
       * Builds an error object.
       *
       * @param {function(new:Error|RangeError)} ErrorCtor The error constructor
       * @param {String} message The error message
       * @param {Boolean} prefix Specifies whether or not to add a default prefix to
       *     `message`
       * @param {Number} statusCode The status code
       * @param {String} errorCode The exposed error code
       * @return {(Error|RangeError)} The error
       * @private
       */
      createError(ErrorCtor, message, prefix, statusCode, errorCode) {
        this._loop = false;
        this._errored = true;
        const err = new ErrorCtor(
          prefix ? `Invalid WebSocket frame: ${message}` : message
        );
        Error.captureStackTrace(err, this.createError);
        err.code = errorCode;
        err[kStatusCode] = statusCode;
        return err;
      }
    };
    module.exports = Receiver2;
  }
});

// ../main/node_modules/ws/lib/sender.js
var require_sender = __commonJS({
  "../main/node_modules/ws/lib/sender.js"(exports, module) {
    "use strict";
    var { Duplex } = __require("stream");
    var { randomFillSync } = __require("crypto");
    var {
      types: { isUint8Array }
    } = __require("util");
    var PerMessageDeflate2 = require_permessage_deflate();
    var { EMPTY_BUFFER, kWebSocket, NOOP } = require_constants();
    var { isBlob, isValidStatusCode } = require_validation();
    var { mask: applyMask, toBuffer } = require_buffer_util();
    var kByteLength = /* @__PURE__ */ Symbol("kByteLength");
    var maskBuffer = Buffer.alloc(4);
    var RANDOM_POOL_SIZE = 8 * 1024;
    var randomPool;
    var randomPoolPointer = RANDOM_POOL_SIZE;
    var DEFAULT = 0;
    var DEFLATING = 1;
    var GET_BLOB_DATA = 2;
    var Sender2 = class _Sender {
      /**
       * Creates a Sender instance.
       *
       * @param {Duplex} socket The connection socket
       * @param {Object} [extensions] An object containing the negotiated extensions
       * @param {Function} [generateMask] The function used to generate the masking
       *     key
       */
      constructor(socket, extensions, generateMask) {
        this._extensions = extensions || {};
        if (generateMask) {
          this._generateMask = generateMask;
          this._maskBuffer = Buffer.alloc(4);
        }
        this._socket = socket;
        this._firstFragment = true;
        this._compress = false;
        this._bufferedBytes = 0;
        this._queue = [];
        this._state = DEFAULT;
        this.onerror = NOOP;
        this[kWebSocket] = void 0;
      }
      /**
       * Frames a piece of data according to the HyBi WebSocket protocol.
       *
       * @param {(Buffer|String)} data The data to frame
       * @param {Object} options Options object
       * @param {Boolean} [options.fin=false] Specifies whether or not to set the
       *     FIN bit
       * @param {Function} [options.generateMask] The function used to generate the
       *     masking key
       * @param {Boolean} [options.mask=false] Specifies whether or not to mask
       *     `data`
       * @param {Buffer} [options.maskBuffer] The buffer used to store the masking
       *     key
       * @param {Number} options.opcode The opcode
       * @param {Boolean} [options.readOnly=false] Specifies whether `data` can be
       *     modified
       * @param {Boolean} [options.rsv1=false] Specifies whether or not to set the
       *     RSV1 bit
       * @return {(Buffer|String)[]} The framed data
       * @public
       */
      static frame(data, options) {
        let mask;
        let merge = false;
        let offset = 2;
        let skipMasking = false;
        if (options.mask) {
          mask = options.maskBuffer || maskBuffer;
          if (options.generateMask) {
            options.generateMask(mask);
          } else {
            if (randomPoolPointer === RANDOM_POOL_SIZE) {
              if (randomPool === void 0) {
                randomPool = Buffer.alloc(RANDOM_POOL_SIZE);
              }
              randomFillSync(randomPool, 0, RANDOM_POOL_SIZE);
              randomPoolPointer = 0;
            }
            mask[0] = randomPool[randomPoolPointer++];
            mask[1] = randomPool[randomPoolPointer++];
            mask[2] = randomPool[randomPoolPointer++];
            mask[3] = randomPool[randomPoolPointer++];
          }
          skipMasking = (mask[0] | mask[1] | mask[2] | mask[3]) === 0;
          offset = 6;
        }
        let dataLength;
        if (typeof data === "string") {
          if ((!options.mask || skipMasking) && options[kByteLength] !== void 0) {
            dataLength = options[kByteLength];
          } else {
            data = Buffer.from(data);
            dataLength = data.length;
          }
        } else {
          dataLength = data.length;
          merge = options.mask && options.readOnly && !skipMasking;
        }
        let payloadLength = dataLength;
        if (dataLength >= 65536) {
          offset += 8;
          payloadLength = 127;
        } else if (dataLength > 125) {
          offset += 2;
          payloadLength = 126;
        }
        const target = Buffer.allocUnsafe(merge ? dataLength + offset : offset);
        target[0] = options.fin ? options.opcode | 128 : options.opcode;
        if (options.rsv1) target[0] |= 64;
        target[1] = payloadLength;
        if (payloadLength === 126) {
          target.writeUInt16BE(dataLength, 2);
        } else if (payloadLength === 127) {
          target[2] = target[3] = 0;
          target.writeUIntBE(dataLength, 4, 6);
        }
        if (!options.mask) {
          return dataLength ? [target, data] : [target];
        }
        target[1] |= 128;
        target[offset - 4] = mask[0];
        target[offset - 3] = mask[1];
        target[offset - 2] = mask[2];
        target[offset - 1] = mask[3];
        if (!dataLength) return [target];
        if (skipMasking) return [target, data];
        if (merge) {
          applyMask(data, mask, target, offset, dataLength);
          return [target];
        }
        applyMask(data, mask, data, 0, dataLength);
        return [target, data];
      }
      /**
       * Sends a close message to the other peer.
       *
       * @param {Number} [code] The status code component of the body
       * @param {(String|Buffer)} [data] The message component of the body
       * @param {Boolean} [mask=false] Specifies whether or not to mask the message
       * @param {Function} [cb] Callback
       * @public
       */
      close(code2, data, mask, cb) {
        let buf;
        if (code2 === void 0) {
          buf = EMPTY_BUFFER;
        } else if (typeof code2 !== "number" || !isValidStatusCode(code2)) {
          throw new TypeError("First argument must be a valid error code number");
        } else if (data === void 0 || !data.length) {
          buf = Buffer.allocUnsafe(2);
          buf.writeUInt16BE(code2, 0);
        } else {
          const length = Buffer.byteLength(data);
          if (length > 123) {
            throw new RangeError("The message must not be greater than 123 bytes");
          }
          buf = Buffer.allocUnsafe(2 + length);
          buf.writeUInt16BE(code2, 0);
          if (typeof data === "string") {
            buf.write(data, 2);
          } else if (isUint8Array(data)) {
            buf.set(data, 2);
          } else {
            throw new TypeError("Second argument must be a string or a Uint8Array");
          }
        }
        const options = {
          [kByteLength]: buf.length,
          fin: true,
          generateMask: this._generateMask,
          mask,
          maskBuffer: this._maskBuffer,
          opcode: 8,
          readOnly: false,
          rsv1: false
        };
        if (this._state !== DEFAULT) {
          this.enqueue([this.dispatch, buf, false, options, cb]);
        } else {
          this.sendFrame(_Sender.frame(buf, options), cb);
        }
      }
      /**
       * Sends a ping message to the other peer.
       *
       * @param {*} data The message to send
       * @param {Boolean} [mask=false] Specifies whether or not to mask `data`
       * @param {Function} [cb] Callback
       * @public
       */
      ping(data, mask, cb) {
        let byteLength;
        let readOnly;
        if (typeof data === "string") {
          byteLength = Buffer.byteLength(data);
          readOnly = false;
        } else if (isBlob(data)) {
          byteLength = data.size;
          readOnly = false;
        } else {
          data = toBuffer(data);
          byteLength = data.length;
          readOnly = toBuffer.readOnly;
        }
        if (byteLength > 125) {
          throw new RangeError("The data size must not be greater than 125 bytes");
        }
        const options = {
          [kByteLength]: byteLength,
          fin: true,
          generateMask: this._generateMask,
          mask,
          maskBuffer: this._maskBuffer,
          opcode: 9,
          readOnly,
          rsv1: false
        };
        if (isBlob(data)) {
          if (this._state !== DEFAULT) {
            this.enqueue([this.getBlobData, data, false, options, cb]);
          } else {
            this.getBlobData(data, false, options, cb);
          }
        } else if (this._state !== DEFAULT) {
          this.enqueue([this.dispatch, data, false, options, cb]);
        } else {
          this.sendFrame(_Sender.frame(data, options), cb);
        }
      }
      /**
       * Sends a pong message to the other peer.
       *
       * @param {*} data The message to send
       * @param {Boolean} [mask=false] Specifies whether or not to mask `data`
       * @param {Function} [cb] Callback
       * @public
       */
      pong(data, mask, cb) {
        let byteLength;
        let readOnly;
        if (typeof data === "string") {
          byteLength = Buffer.byteLength(data);
          readOnly = false;
        } else if (isBlob(data)) {
          byteLength = data.size;
          readOnly = false;
        } else {
          data = toBuffer(data);
          byteLength = data.length;
          readOnly = toBuffer.readOnly;
        }
        if (byteLength > 125) {
          throw new RangeError("The data size must not be greater than 125 bytes");
        }
        const options = {
          [kByteLength]: byteLength,
          fin: true,
          generateMask: this._generateMask,
          mask,
          maskBuffer: this._maskBuffer,
          opcode: 10,
          readOnly,
          rsv1: false
        };
        if (isBlob(data)) {
          if (this._state !== DEFAULT) {
            this.enqueue([this.getBlobData, data, false, options, cb]);
          } else {
            this.getBlobData(data, false, options, cb);
          }
        } else if (this._state !== DEFAULT) {
          this.enqueue([this.dispatch, data, false, options, cb]);
        } else {
          this.sendFrame(_Sender.frame(data, options), cb);
        }
      }
      /**
       * Sends a data message to the other peer.
       *
       * @param {*} data The message to send
       * @param {Object} options Options object
       * @param {Boolean} [options.binary=false] Specifies whether `data` is binary
       *     or text
       * @param {Boolean} [options.compress=false] Specifies whether or not to
       *     compress `data`
       * @param {Boolean} [options.fin=false] Specifies whether the fragment is the
       *     last one
       * @param {Boolean} [options.mask=false] Specifies whether or not to mask
       *     `data`
       * @param {Function} [cb] Callback
       * @public
       */
      send(data, options, cb) {
        const perMessageDeflate = this._extensions[PerMessageDeflate2.extensionName];
        let opcode = options.binary ? 2 : 1;
        let rsv1 = options.compress;
        let byteLength;
        let readOnly;
        if (typeof data === "string") {
          byteLength = Buffer.byteLength(data);
          readOnly = false;
        } else if (isBlob(data)) {
          byteLength = data.size;
          readOnly = false;
        } else {
          data = toBuffer(data);
          byteLength = data.length;
          readOnly = toBuffer.readOnly;
        }
        if (this._firstFragment) {
          this._firstFragment = false;
          if (rsv1 && perMessageDeflate && perMessageDeflate.params[perMessageDeflate._isServer ? "server_no_context_takeover" : "client_no_context_takeover"]) {
            rsv1 = byteLength >= perMessageDeflate._threshold;
          }
          this._compress = rsv1;
        } else {
          rsv1 = false;
          opcode = 0;
        }
        if (options.fin) this._firstFragment = true;
        const opts = {
          [kByteLength]: byteLength,
          fin: options.fin,
          generateMask: this._generateMask,
          mask: options.mask,
          maskBuffer: this._maskBuffer,
          opcode,
          readOnly,
          rsv1
        };
        if (isBlob(data)) {
          if (this._state !== DEFAULT) {
            this.enqueue([this.getBlobData, data, this._compress, opts, cb]);
          } else {
            this.getBlobData(data, this._compress, opts, cb);
          }
        } else if (this._state !== DEFAULT) {
          this.enqueue([this.dispatch, data, this._compress, opts, cb]);
        } else {
          this.dispatch(data, this._compress, opts, cb);
        }
      }
      /**
       * Gets the contents of a blob as binary data.
       *
       * @param {Blob} blob The blob
       * @param {Boolean} [compress=false] Specifies whether or not to compress
       *     the data
       * @param {Object} options Options object
       * @param {Boolean} [options.fin=false] Specifies whether or not to set the
       *     FIN bit
       * @param {Function} [options.generateMask] The function used to generate the
       *     masking key
       * @param {Boolean} [options.mask=false] Specifies whether or not to mask
       *     `data`
       * @param {Buffer} [options.maskBuffer] The buffer used to store the masking
       *     key
       * @param {Number} options.opcode The opcode
       * @param {Boolean} [options.readOnly=false] Specifies whether `data` can be
       *     modified
       * @param {Boolean} [options.rsv1=false] Specifies whether or not to set the
       *     RSV1 bit
       * @param {Function} [cb] Callback
       * @private
       */
      getBlobData(blob, compress, options, cb) {
        this._bufferedBytes += options[kByteLength];
        this._state = GET_BLOB_DATA;
        blob.arrayBuffer().then((arrayBuffer) => {
          if (this._socket.destroyed) {
            const err = new Error(
              "The socket was closed while the blob was being read"
            );
            process.nextTick(callCallbacks, this, err, cb);
            return;
          }
          this._bufferedBytes -= options[kByteLength];
          const data = toBuffer(arrayBuffer);
          if (!compress) {
            this._state = DEFAULT;
            this.sendFrame(_Sender.frame(data, options), cb);
            this.dequeue();
          } else {
            this.dispatch(data, compress, options, cb);
          }
        }).catch((err) => {
          process.nextTick(onError, this, err, cb);
        });
      }
      /**
       * Dispatches a message.
       *
       * @param {(Buffer|String)} data The message to send
       * @param {Boolean} [compress=false] Specifies whether or not to compress
       *     `data`
       * @param {Object} options Options object
       * @param {Boolean} [options.fin=false] Specifies whether or not to set the
       *     FIN bit
       * @param {Function} [options.generateMask] The function used to generate the
       *     masking key
       * @param {Boolean} [options.mask=false] Specifies whether or not to mask
       *     `data`
       * @param {Buffer} [options.maskBuffer] The buffer used to store the masking
       *     key
       * @param {Number} options.opcode The opcode
       * @param {Boolean} [options.readOnly=false] Specifies whether `data` can be
       *     modified
       * @param {Boolean} [options.rsv1=false] Specifies whether or not to set the
       *     RSV1 bit
       * @param {Function} [cb] Callback
       * @private
       */
      dispatch(data, compress, options, cb) {
        if (!compress) {
          this.sendFrame(_Sender.frame(data, options), cb);
          return;
        }
        const perMessageDeflate = this._extensions[PerMessageDeflate2.extensionName];
        this._bufferedBytes += options[kByteLength];
        this._state = DEFLATING;
        perMessageDeflate.compress(data, options.fin, (_, buf) => {
          if (this._socket.destroyed) {
            const err = new Error(
              "The socket was closed while data was being compressed"
            );
            callCallbacks(this, err, cb);
            return;
          }
          this._bufferedBytes -= options[kByteLength];
          this._state = DEFAULT;
          options.readOnly = false;
          this.sendFrame(_Sender.frame(buf, options), cb);
          this.dequeue();
        });
      }
      /**
       * Executes queued send operations.
       *
       * @private
       */
      dequeue() {
        while (this._state === DEFAULT && this._queue.length) {
          const params = this._queue.shift();
          this._bufferedBytes -= params[3][kByteLength];
          Reflect.apply(params[0], this, params.slice(1));
        }
      }
      /**
       * Enqueues a send operation.
       *
       * @param {Array} params Send operation parameters.
       * @private
       */
      enqueue(params) {
        this._bufferedBytes += params[3][kByteLength];
        this._queue.push(params);
      }
      /**
       * Sends a frame.
       *
       * @param {(Buffer | String)[]} list The frame to send
       * @param {Function} [cb] Callback
       * @private
       */
      sendFrame(list, cb) {
        if (list.length === 2) {
          this._socket.cork();
          this._socket.write(list[0]);
          this._socket.write(list[1], cb);
          this._socket.uncork();
        } else {
          this._socket.write(list[0], cb);
        }
      }
    };
    module.exports = Sender2;
    function callCallbacks(sender, err, cb) {
      if (typeof cb === "function") cb(err);
      for (let i = 0; i < sender._queue.length; i++) {
        const params = sender._queue[i];
        const callback = params[params.length - 1];
        if (typeof callback === "function") callback(err);
      }
    }
    function onError(sender, err, cb) {
      callCallbacks(sender, err, cb);
      sender.onerror(err);
    }
  }
});

// ../main/node_modules/ws/lib/event-target.js
var require_event_target = __commonJS({
  "../main/node_modules/ws/lib/event-target.js"(exports, module) {
    "use strict";
    var { kForOnEventAttribute, kListener } = require_constants();
    var kCode = /* @__PURE__ */ Symbol("kCode");
    var kData = /* @__PURE__ */ Symbol("kData");
    var kError = /* @__PURE__ */ Symbol("kError");
    var kMessage = /* @__PURE__ */ Symbol("kMessage");
    var kReason = /* @__PURE__ */ Symbol("kReason");
    var kTarget = /* @__PURE__ */ Symbol("kTarget");
    var kType = /* @__PURE__ */ Symbol("kType");
    var kWasClean = /* @__PURE__ */ Symbol("kWasClean");
    var Event = class {
      /**
       * Create a new `Event`.
       *
       * @param {String} type The name of the event
       * @throws {TypeError} If the `type` argument is not specified
       */
      constructor(type) {
        this[kTarget] = null;
        this[kType] = type;
      }
      /**
       * @type {*}
       */
      get target() {
        return this[kTarget];
      }
      /**
       * @type {String}
       */
      get type() {
        return this[kType];
      }
    };
    Object.defineProperty(Event.prototype, "target", { enumerable: true });
    Object.defineProperty(Event.prototype, "type", { enumerable: true });
    var CloseEvent = class extends Event {
      /**
       * Create a new `CloseEvent`.
       *
       * @param {String} type The name of the event
       * @param {Object} [options] A dictionary object that allows for setting
       *     attributes via object members of the same name
       * @param {Number} [options.code=0] The status code explaining why the
       *     connection was closed
       * @param {String} [options.reason=''] A human-readable string explaining why
       *     the connection was closed
       * @param {Boolean} [options.wasClean=false] Indicates whether or not the
       *     connection was cleanly closed
       */
      constructor(type, options = {}) {
        super(type);
        this[kCode] = options.code === void 0 ? 0 : options.code;
        this[kReason] = options.reason === void 0 ? "" : options.reason;
        this[kWasClean] = options.wasClean === void 0 ? false : options.wasClean;
      }
      /**
       * @type {Number}
       */
      get code() {
        return this[kCode];
      }
      /**
       * @type {String}
       */
      get reason() {
        return this[kReason];
      }
      /**
       * @type {Boolean}
       */
      get wasClean() {
        return this[kWasClean];
      }
    };
    Object.defineProperty(CloseEvent.prototype, "code", { enumerable: true });
    Object.defineProperty(CloseEvent.prototype, "reason", { enumerable: true });
    Object.defineProperty(CloseEvent.prototype, "wasClean", { enumerable: true });
    var ErrorEvent = class extends Event {
      /**
       * Create a new `ErrorEvent`.
       *
       * @param {String} type The name of the event
       * @param {Object} [options] A dictionary object that allows for setting
       *     attributes via object members of the same name
       * @param {*} [options.error=null] The error that generated this event
       * @param {String} [options.message=''] The error message
       */
      constructor(type, options = {}) {
        super(type);
        this[kError] = options.error === void 0 ? null : options.error;
        this[kMessage] = options.message === void 0 ? "" : options.message;
      }
      /**
       * @type {*}
       */
      get error() {
        return this[kError];
      }
      /**
       * @type {String}
       */
      get message() {
        return this[kMessage];
      }
    };
    Object.defineProperty(ErrorEvent.prototype, "error", { enumerable: true });
    Object.defineProperty(ErrorEvent.prototype, "message", { enumerable: true });
    var MessageEvent = class extends Event {
      /**
       * Create a new `MessageEvent`.
       *
       * @param {String} type The name of the event
       * @param {Object} [options] A dictionary object that allows for setting
       *     attributes via object members of the same name
       * @param {*} [options.data=null] The message content
       */
      constructor(type, options = {}) {
        super(type);
        this[kData] = options.data === void 0 ? null : options.data;
      }
      /**
       * @type {*}
       */
      get data() {
        return this[kData];
      }
    };
    Object.defineProperty(MessageEvent.prototype, "data", { enumerable: true });
    var EventTarget = {
      /**
       * Register an event listener.
       *
       * @param {String} type A string representing the event type to listen for
       * @param {(Function|Object)} handler The listener to add
       * @param {Object} [options] An options object specifies characteristics about
       *     the event listener
       * @param {Boolean} [options.once=false] A `Boolean` indicating that the
       *     listener should be invoked at most once after being added. If `true`,
       *     the listener would be automatically removed when invoked.
       * @public
       */
      addEventListener(type, handler, options = {}) {
        for (const listener of this.listeners(type)) {
          if (!options[kForOnEventAttribute] && listener[kListener] === handler && !listener[kForOnEventAttribute]) {
            return;
          }
        }
        let wrapper;
        if (type === "message") {
          wrapper = function onMessage(data, isBinary) {
            const event = new MessageEvent("message", {
              data: isBinary ? data : data.toString()
            });
            event[kTarget] = this;
            callListener(handler, this, event);
          };
        } else if (type === "close") {
          wrapper = function onClose(code2, message) {
            const event = new CloseEvent("close", {
              code: code2,
              reason: message.toString(),
              wasClean: this._closeFrameReceived && this._closeFrameSent
            });
            event[kTarget] = this;
            callListener(handler, this, event);
          };
        } else if (type === "error") {
          wrapper = function onError(error) {
            const event = new ErrorEvent("error", {
              error,
              message: error.message
            });
            event[kTarget] = this;
            callListener(handler, this, event);
          };
        } else if (type === "open") {
          wrapper = function onOpen() {
            const event = new Event("open");
            event[kTarget] = this;
            callListener(handler, this, event);
          };
        } else {
          return;
        }
        wrapper[kForOnEventAttribute] = !!options[kForOnEventAttribute];
        wrapper[kListener] = handler;
        if (options.once) {
          this.once(type, wrapper);
        } else {
          this.on(type, wrapper);
        }
      },
      /**
       * Remove an event listener.
       *
       * @param {String} type A string representing the event type to remove
       * @param {(Function|Object)} handler The listener to remove
       * @public
       */
      removeEventListener(type, handler) {
        for (const listener of this.listeners(type)) {
          if (listener[kListener] === handler && !listener[kForOnEventAttribute]) {
            this.removeListener(type, listener);
            break;
          }
        }
      }
    };
    module.exports = {
      CloseEvent,
      ErrorEvent,
      Event,
      EventTarget,
      MessageEvent
    };
    function callListener(listener, thisArg, event) {
      if (typeof listener === "object" && listener.handleEvent) {
        listener.handleEvent.call(listener, event);
      } else {
        listener.call(thisArg, event);
      }
    }
  }
});

// ../main/node_modules/ws/lib/extension.js
var require_extension = __commonJS({
  "../main/node_modules/ws/lib/extension.js"(exports, module) {
    "use strict";
    var { tokenChars } = require_validation();
    function push(dest, name, elem) {
      if (dest[name] === void 0) dest[name] = [elem];
      else dest[name].push(elem);
    }
    function parse(header) {
      const offers = /* @__PURE__ */ Object.create(null);
      let params = /* @__PURE__ */ Object.create(null);
      let mustUnescape = false;
      let isEscaping = false;
      let inQuotes = false;
      let extensionName;
      let paramName;
      let start = -1;
      let code2 = -1;
      let end = -1;
      let i = 0;
      for (; i < header.length; i++) {
        code2 = header.charCodeAt(i);
        if (extensionName === void 0) {
          if (end === -1 && tokenChars[code2] === 1) {
            if (start === -1) start = i;
          } else if (i !== 0 && (code2 === 32 || code2 === 9)) {
            if (end === -1 && start !== -1) end = i;
          } else if (code2 === 59 || code2 === 44) {
            if (start === -1) {
              throw new SyntaxError(`Unexpected character at index ${i}`);
            }
            if (end === -1) end = i;
            const name = header.slice(start, end);
            if (code2 === 44) {
              push(offers, name, params);
              params = /* @__PURE__ */ Object.create(null);
            } else {
              extensionName = name;
            }
            start = end = -1;
          } else {
            throw new SyntaxError(`Unexpected character at index ${i}`);
          }
        } else if (paramName === void 0) {
          if (end === -1 && tokenChars[code2] === 1) {
            if (start === -1) start = i;
          } else if (code2 === 32 || code2 === 9) {
            if (end === -1 && start !== -1) end = i;
          } else if (code2 === 59 || code2 === 44) {
            if (start === -1) {
              throw new SyntaxError(`Unexpected character at index ${i}`);
            }
            if (end === -1) end = i;
            push(params, header.slice(start, end), true);
            if (code2 === 44) {
              push(offers, extensionName, params);
              params = /* @__PURE__ */ Object.create(null);
              extensionName = void 0;
            }
            start = end = -1;
          } else if (code2 === 61 && start !== -1 && end === -1) {
            paramName = header.slice(start, i);
            start = end = -1;
          } else {
            throw new SyntaxError(`Unexpected character at index ${i}`);
          }
        } else {
          if (isEscaping) {
            if (tokenChars[code2] !== 1) {
              throw new SyntaxError(`Unexpected character at index ${i}`);
            }
            if (start === -1) start = i;
            else if (!mustUnescape) mustUnescape = true;
            isEscaping = false;
          } else if (inQuotes) {
            if (tokenChars[code2] === 1) {
              if (start === -1) start = i;
            } else if (code2 === 34 && start !== -1) {
              inQuotes = false;
              end = i;
            } else if (code2 === 92) {
              isEscaping = true;
            } else {
              throw new SyntaxError(`Unexpected character at index ${i}`);
            }
          } else if (code2 === 34 && header.charCodeAt(i - 1) === 61) {
            inQuotes = true;
          } else if (end === -1 && tokenChars[code2] === 1) {
            if (start === -1) start = i;
          } else if (start !== -1 && (code2 === 32 || code2 === 9)) {
            if (end === -1) end = i;
          } else if (code2 === 59 || code2 === 44) {
            if (start === -1) {
              throw new SyntaxError(`Unexpected character at index ${i}`);
            }
            if (end === -1) end = i;
            let value = header.slice(start, end);
            if (mustUnescape) {
              value = value.replace(/\\/g, "");
              mustUnescape = false;
            }
            push(params, paramName, value);
            if (code2 === 44) {
              push(offers, extensionName, params);
              params = /* @__PURE__ */ Object.create(null);
              extensionName = void 0;
            }
            paramName = void 0;
            start = end = -1;
          } else {
            throw new SyntaxError(`Unexpected character at index ${i}`);
          }
        }
      }
      if (start === -1 || inQuotes || code2 === 32 || code2 === 9) {
        throw new SyntaxError("Unexpected end of input");
      }
      if (end === -1) end = i;
      const token = header.slice(start, end);
      if (extensionName === void 0) {
        push(offers, token, params);
      } else {
        if (paramName === void 0) {
          push(params, token, true);
        } else if (mustUnescape) {
          push(params, paramName, token.replace(/\\/g, ""));
        } else {
          push(params, paramName, token);
        }
        push(offers, extensionName, params);
      }
      return offers;
    }
    function format(extensions) {
      return Object.keys(extensions).map((extension2) => {
        let configurations = extensions[extension2];
        if (!Array.isArray(configurations)) configurations = [configurations];
        return configurations.map((params) => {
          return [extension2].concat(
            Object.keys(params).map((k) => {
              let values = params[k];
              if (!Array.isArray(values)) values = [values];
              return values.map((v) => v === true ? k : `${k}=${v}`).join("; ");
            })
          ).join("; ");
        }).join(", ");
      }).join(", ");
    }
    module.exports = { format, parse };
  }
});

// ../main/node_modules/ws/lib/websocket.js
var require_websocket = __commonJS({
  "../main/node_modules/ws/lib/websocket.js"(exports, module) {
    "use strict";
    var EventEmitter2 = __require("events");
    var https = __require("https");
    var http2 = __require("http");
    var net = __require("net");
    var querystring = __require("querystring");
    var tls = __require("tls");
    var { randomBytes, createHash: createHash2 } = __require("crypto");
    var { Duplex, Readable } = __require("stream");
    var { URL: URL2 } = __require("url");
    var PerMessageDeflate2 = require_permessage_deflate();
    var Receiver2 = require_receiver();
    var Sender2 = require_sender();
    var { isBlob } = require_validation();
    var {
      BINARY_TYPES,
      CLOSE_TIMEOUT,
      EMPTY_BUFFER,
      GUID,
      kForOnEventAttribute,
      kListener,
      kStatusCode,
      kWebSocket,
      NOOP
    } = require_constants();
    var {
      EventTarget: { addEventListener, removeEventListener }
    } = require_event_target();
    var { format, parse } = require_extension();
    var { toBuffer } = require_buffer_util();
    var kAborted = /* @__PURE__ */ Symbol("kAborted");
    var protocolVersions = [8, 13];
    var readyStates = ["CONNECTING", "OPEN", "CLOSING", "CLOSED"];
    var subprotocolRegex = /^[!#$%&'*+\-.0-9A-Z^_`|a-z~]+$/;
    var WebSocket2 = class _WebSocket extends EventEmitter2 {
      /**
       * Create a new `WebSocket`.
       *
       * @param {(String|URL)} address The URL to which to connect
       * @param {(String|String[])} [protocols] The subprotocols
       * @param {Object} [options] Connection options
       */
      constructor(address, protocols, options) {
        super();
        this._binaryType = BINARY_TYPES[0];
        this._closeCode = 1006;
        this._closeFrameReceived = false;
        this._closeFrameSent = false;
        this._closeMessage = EMPTY_BUFFER;
        this._closeTimer = null;
        this._errorEmitted = false;
        this._extensions = {};
        this._paused = false;
        this._protocol = "";
        this._readyState = _WebSocket.CONNECTING;
        this._receiver = null;
        this._sender = null;
        this._socket = null;
        if (address !== null) {
          this._bufferedAmount = 0;
          this._isServer = false;
          this._redirects = 0;
          if (protocols === void 0) {
            if (!options || options.protocols === void 0) {
              protocols = [];
            } else if (Array.isArray(options.protocols)) {
              protocols = options.protocols;
            } else {
              protocols = [options.protocols];
            }
          } else if (!Array.isArray(protocols)) {
            if (typeof protocols === "object" && protocols !== null) {
              options = protocols;
              if (options.protocols === void 0) {
                protocols = [];
              } else if (Array.isArray(options.protocols)) {
                protocols = options.protocols;
              } else {
                protocols = [options.protocols];
              }
            } else {
              protocols = [protocols];
            }
          }
          options = initAsClient(this, address, protocols, options);
        } else {
          this._isServer = true;
        }
        if (options.autoPong) {
          this._autoPong = true;
          this._autoPongComplete = () => autoPongComplete(this);
          this._pendingAutoPongs = 0;
          this._maxPendingAutoPongs = options.maxPendingAutoPongs | 0;
        }
        this._closeTimeout = options.closeTimeout;
      }
      /**
       * For historical reasons, the custom "nodebuffer" type is used by the default
       * instead of "blob".
       *
       * @type {String}
       */
      get binaryType() {
        return this._binaryType;
      }
      set binaryType(type) {
        if (!BINARY_TYPES.includes(type)) return;
        this._binaryType = type;
        if (this._receiver) this._receiver._binaryType = type;
      }
      /**
       * @type {Number}
       */
      get bufferedAmount() {
        if (!this._socket) return this._bufferedAmount;
        return this._socket._writableState.length + this._sender._bufferedBytes;
      }
      /**
       * @type {String}
       */
      get extensions() {
        return Object.keys(this._extensions).join();
      }
      /**
       * @type {Boolean}
       */
      get isPaused() {
        return this._paused;
      }
      /**
       * @type {Function}
       */
      /* istanbul ignore next */
      get onclose() {
        return null;
      }
      /**
       * @type {Function}
       */
      /* istanbul ignore next */
      get onerror() {
        return null;
      }
      /**
       * @type {Function}
       */
      /* istanbul ignore next */
      get onopen() {
        return null;
      }
      /**
       * @type {Function}
       */
      /* istanbul ignore next */
      get onmessage() {
        return null;
      }
      /**
       * @type {String}
       */
      get protocol() {
        return this._protocol;
      }
      /**
       * @type {Number}
       */
      get readyState() {
        return this._readyState;
      }
      /**
       * @type {String}
       */
      get url() {
        return this._url;
      }
      /**
       * Set up the socket and the internal resources.
       *
       * @param {Duplex} socket The network socket between the server and client
       * @param {Buffer} head The first packet of the upgraded stream
       * @param {Object} options Options object
       * @param {Boolean} [options.allowSynchronousEvents=false] Specifies whether
       *     any of the `'message'`, `'ping'`, and `'pong'` events can be emitted
       *     multiple times in the same tick
       * @param {Function} [options.generateMask] The function used to generate the
       *     masking key
       * @param {Number} [options.maxBufferedChunks=0] The maximum number of
       *     buffered data chunks
       * @param {Number} [options.maxFragments=0] The maximum number of message
       *     fragments
       * @param {Number} [options.maxPayload=0] The maximum allowed message size
       * @param {Boolean} [options.skipUTF8Validation=false] Specifies whether or
       *     not to skip UTF-8 validation for text and close messages
       * @private
       */
      setSocket(socket, head, options) {
        const receiver = new Receiver2({
          allowSynchronousEvents: options.allowSynchronousEvents,
          binaryType: this.binaryType,
          extensions: this._extensions,
          isServer: this._isServer,
          maxBufferedChunks: options.maxBufferedChunks,
          maxFragments: options.maxFragments,
          maxPayload: options.maxPayload,
          skipUTF8Validation: options.skipUTF8Validation
        });
        const sender = new Sender2(socket, this._extensions, options.generateMask);
        this._receiver = receiver;
        this._sender = sender;
        this._socket = socket;
        receiver[kWebSocket] = this;
        sender[kWebSocket] = this;
        socket[kWebSocket] = this;
        receiver.on("conclude", receiverOnConclude);
        receiver.on("drain", receiverOnDrain);
        receiver.on("error", receiverOnError);
        receiver.on("message", receiverOnMessage);
        receiver.on("ping", receiverOnPing);
        receiver.on("pong", receiverOnPong);
        sender.onerror = senderOnError;
        if (socket.setTimeout) socket.setTimeout(0);
        if (socket.setNoDelay) socket.setNoDelay();
        if (head.length > 0) socket.unshift(head);
        socket.on("close", socketOnClose);
        socket.on("data", socketOnData);
        socket.on("end", socketOnEnd);
        socket.on("error", socketOnError);
        this._readyState = _WebSocket.OPEN;
        this.emit("open");
      }
      /**
       * Emit the `'close'` event.
       *
       * @private
       */
      emitClose() {
        if (!this._socket) {
          this._readyState = _WebSocket.CLOSED;
          this.emit("close", this._closeCode, this._closeMessage);
          return;
        }
        if (this._extensions[PerMessageDeflate2.extensionName]) {
          this._extensions[PerMessageDeflate2.extensionName].cleanup();
        }
        this._receiver.removeAllListeners();
        this._readyState = _WebSocket.CLOSED;
        this.emit("close", this._closeCode, this._closeMessage);
      }
      /**
       * Start a closing handshake.
       *
       *          +----------+   +-----------+   +----------+
       *     - - -|ws.close()|-->|close frame|-->|ws.close()|- - -
       *    |     +----------+   +-----------+   +----------+     |
       *          +----------+   +-----------+         |
       * CLOSING  |ws.close()|<--|close frame|<--+-----+       CLOSING
       *          +----------+   +-----------+   |
       *    |           |                        |   +---+        |
       *                +------------------------+-->|fin| - - - -
       *    |         +---+                      |   +---+
       *     - - - - -|fin|<---------------------+
       *              +---+
       *
       * @param {Number} [code] Status code explaining why the connection is closing
       * @param {(String|Buffer)} [data] The reason why the connection is
       *     closing
       * @public
       */
      close(code2, data) {
        if (this.readyState === _WebSocket.CLOSED) return;
        if (this.readyState === _WebSocket.CONNECTING) {
          const msg = "WebSocket was closed before the connection was established";
          abortHandshake(this, this._req, msg);
          return;
        }
        if (this.readyState === _WebSocket.CLOSING) {
          if (this._closeFrameSent && (this._closeFrameReceived || this._receiver._writableState.errorEmitted)) {
            this._socket.end();
          }
          return;
        }
        this._sender.close(code2, data, !this._isServer, (err) => {
          if (err) return;
          this._closeFrameSent = true;
          if (this._closeFrameReceived || this._receiver._writableState.errorEmitted) {
            this._socket.end();
          }
        });
        this._readyState = _WebSocket.CLOSING;
        setCloseTimer(this);
      }
      /**
       * Pause the socket.
       *
       * @public
       */
      pause() {
        if (this.readyState === _WebSocket.CONNECTING || this.readyState === _WebSocket.CLOSED) {
          return;
        }
        this._paused = true;
        this._socket.pause();
      }
      /**
       * Send a ping.
       *
       * @param {*} [data] The data to send
       * @param {Boolean} [mask] Indicates whether or not to mask `data`
       * @param {Function} [cb] Callback which is executed when the ping is sent
       * @public
       */
      ping(data, mask, cb) {
        if (this.readyState === _WebSocket.CONNECTING) {
          throw new Error("WebSocket is not open: readyState 0 (CONNECTING)");
        }
        if (typeof data === "function") {
          cb = data;
          data = mask = void 0;
        } else if (typeof mask === "function") {
          cb = mask;
          mask = void 0;
        }
        if (typeof data === "number") data = data.toString();
        if (this.readyState !== _WebSocket.OPEN) {
          sendAfterClose(this, data, cb);
          return;
        }
        if (mask === void 0) mask = !this._isServer;
        this._sender.ping(data || EMPTY_BUFFER, mask, cb);
      }
      /**
       * Send a pong.
       *
       * @param {*} [data] The data to send
       * @param {Boolean} [mask] Indicates whether or not to mask `data`
       * @param {Function} [cb] Callback which is executed when the pong is sent
       * @public
       */
      pong(data, mask, cb) {
        if (this.readyState === _WebSocket.CONNECTING) {
          throw new Error("WebSocket is not open: readyState 0 (CONNECTING)");
        }
        if (typeof data === "function") {
          cb = data;
          data = mask = void 0;
        } else if (typeof mask === "function") {
          cb = mask;
          mask = void 0;
        }
        if (typeof data === "number") data = data.toString();
        if (this.readyState !== _WebSocket.OPEN) {
          sendAfterClose(this, data, cb);
          return;
        }
        if (mask === void 0) mask = !this._isServer;
        this._sender.pong(data || EMPTY_BUFFER, mask, cb);
      }
      /**
       * Resume the socket.
       *
       * @public
       */
      resume() {
        if (this.readyState === _WebSocket.CONNECTING || this.readyState === _WebSocket.CLOSED) {
          return;
        }
        this._paused = false;
        if (!this._receiver._writableState.needDrain) this._socket.resume();
      }
      /**
       * Send a data message.
       *
       * @param {*} data The message to send
       * @param {Object} [options] Options object
       * @param {Boolean} [options.binary] Specifies whether `data` is binary or
       *     text
       * @param {Boolean} [options.compress] Specifies whether or not to compress
       *     `data`
       * @param {Boolean} [options.fin=true] Specifies whether the fragment is the
       *     last one
       * @param {Boolean} [options.mask] Specifies whether or not to mask `data`
       * @param {Function} [cb] Callback which is executed when data is written out
       * @public
       */
      send(data, options, cb) {
        if (this.readyState === _WebSocket.CONNECTING) {
          throw new Error("WebSocket is not open: readyState 0 (CONNECTING)");
        }
        if (typeof options === "function") {
          cb = options;
          options = {};
        }
        if (typeof data === "number") data = data.toString();
        if (this.readyState !== _WebSocket.OPEN) {
          sendAfterClose(this, data, cb);
          return;
        }
        const opts = {
          binary: typeof data !== "string",
          mask: !this._isServer,
          compress: true,
          fin: true,
          ...options
        };
        if (!this._extensions[PerMessageDeflate2.extensionName]) {
          opts.compress = false;
        }
        this._sender.send(data || EMPTY_BUFFER, opts, cb);
      }
      /**
       * Forcibly close the connection.
       *
       * @public
       */
      terminate() {
        if (this.readyState === _WebSocket.CLOSED) return;
        if (this.readyState === _WebSocket.CONNECTING) {
          const msg = "WebSocket was closed before the connection was established";
          abortHandshake(this, this._req, msg);
          return;
        }
        if (this._socket) {
          this._readyState = _WebSocket.CLOSING;
          this._socket.destroy();
        }
      }
    };
    Object.defineProperty(WebSocket2, "CONNECTING", {
      enumerable: true,
      value: readyStates.indexOf("CONNECTING")
    });
    Object.defineProperty(WebSocket2.prototype, "CONNECTING", {
      enumerable: true,
      value: readyStates.indexOf("CONNECTING")
    });
    Object.defineProperty(WebSocket2, "OPEN", {
      enumerable: true,
      value: readyStates.indexOf("OPEN")
    });
    Object.defineProperty(WebSocket2.prototype, "OPEN", {
      enumerable: true,
      value: readyStates.indexOf("OPEN")
    });
    Object.defineProperty(WebSocket2, "CLOSING", {
      enumerable: true,
      value: readyStates.indexOf("CLOSING")
    });
    Object.defineProperty(WebSocket2.prototype, "CLOSING", {
      enumerable: true,
      value: readyStates.indexOf("CLOSING")
    });
    Object.defineProperty(WebSocket2, "CLOSED", {
      enumerable: true,
      value: readyStates.indexOf("CLOSED")
    });
    Object.defineProperty(WebSocket2.prototype, "CLOSED", {
      enumerable: true,
      value: readyStates.indexOf("CLOSED")
    });
    [
      "binaryType",
      "bufferedAmount",
      "extensions",
      "isPaused",
      "protocol",
      "readyState",
      "url"
    ].forEach((property) => {
      Object.defineProperty(WebSocket2.prototype, property, { enumerable: true });
    });
    ["open", "error", "close", "message"].forEach((method) => {
      Object.defineProperty(WebSocket2.prototype, `on${method}`, {
        enumerable: true,
        get() {
          for (const listener of this.listeners(method)) {
            if (listener[kForOnEventAttribute]) return listener[kListener];
          }
          return null;
        },
        set(handler) {
          for (const listener of this.listeners(method)) {
            if (listener[kForOnEventAttribute]) {
              this.removeListener(method, listener);
              break;
            }
          }
          if (typeof handler !== "function") return;
          this.addEventListener(method, handler, {
            [kForOnEventAttribute]: true
          });
        }
      });
    });
    WebSocket2.prototype.addEventListener = addEventListener;
    WebSocket2.prototype.removeEventListener = removeEventListener;
    module.exports = WebSocket2;
    function initAsClient(websocket, address, protocols, options) {
      const opts = {
        allowSynchronousEvents: true,
        autoPong: true,
        closeTimeout: CLOSE_TIMEOUT,
        protocolVersion: protocolVersions[1],
        maxBufferedChunks: 256 * 1024,
        maxFragments: 16 * 1024,
        maxPayload: 100 * 1024 * 1024,
        maxPendingAutoPongs: 60,
        skipUTF8Validation: false,
        perMessageDeflate: true,
        followRedirects: false,
        maxRedirects: 10,
        ...options,
        socketPath: void 0,
        hostname: void 0,
        protocol: void 0,
        protocols: void 0,
        timeout: void 0,
        method: "GET",
        host: void 0,
        path: void 0,
        port: void 0
      };
      if (!protocolVersions.includes(opts.protocolVersion)) {
        throw new RangeError(
          `Unsupported protocol version: ${opts.protocolVersion} (supported versions: ${protocolVersions.join(", ")})`
        );
      }
      let parsedUrl;
      if (address instanceof URL2) {
        parsedUrl = address;
      } else {
        try {
          parsedUrl = new URL2(address);
        } catch {
          throw new SyntaxError(`Invalid URL: ${address}`);
        }
      }
      if (parsedUrl.protocol === "http:" || parsedUrl.protocol === "https:") {
        parsedUrl = new URL2(parsedUrl);
        parsedUrl.protocol = parsedUrl.protocol === "http:" ? "ws:" : "wss:";
      }
      websocket._url = parsedUrl.href;
      const isSecure = parsedUrl.protocol === "wss:";
      const isIpcUrl = parsedUrl.protocol === "ws+unix:";
      let invalidUrlMessage;
      if (parsedUrl.protocol !== "ws:" && !isSecure && !isIpcUrl) {
        invalidUrlMessage = `The URL's protocol must be one of "ws:", "wss:", "http:", "https:", or "ws+unix:"`;
      } else if (isIpcUrl && !parsedUrl.pathname) {
        invalidUrlMessage = "The URL's pathname is empty";
      } else if (parsedUrl.hash) {
        invalidUrlMessage = "The URL contains a fragment identifier";
      }
      if (invalidUrlMessage) {
        const err = new SyntaxError(invalidUrlMessage);
        if (websocket._redirects === 0) {
          throw err;
        } else {
          emitErrorAndClose(websocket, err);
          return;
        }
      }
      const defaultPort = isSecure ? 443 : 80;
      const key = randomBytes(16).toString("base64");
      const request = isSecure ? https.request : http2.request;
      const protocolSet = /* @__PURE__ */ new Set();
      let perMessageDeflate;
      opts.createConnection = opts.createConnection || (isSecure ? tlsConnect : netConnect);
      opts.defaultPort = opts.defaultPort || defaultPort;
      opts.port = parsedUrl.port || defaultPort;
      opts.host = parsedUrl.hostname.startsWith("[") ? parsedUrl.hostname.slice(1, -1) : parsedUrl.hostname;
      opts.headers = {
        ...opts.headers,
        "Sec-WebSocket-Version": opts.protocolVersion,
        "Sec-WebSocket-Key": key,
        Connection: "Upgrade",
        Upgrade: "websocket"
      };
      opts.path = parsedUrl.pathname + parsedUrl.search;
      opts.timeout = opts.handshakeTimeout;
      if (opts.perMessageDeflate) {
        perMessageDeflate = new PerMessageDeflate2({
          ...opts.perMessageDeflate,
          isServer: false,
          maxPayload: opts.maxPayload
        });
        opts.headers["Sec-WebSocket-Extensions"] = format({
          [PerMessageDeflate2.extensionName]: perMessageDeflate.offer()
        });
      }
      if (protocols.length) {
        for (const protocol of protocols) {
          if (typeof protocol !== "string" || !subprotocolRegex.test(protocol) || protocolSet.has(protocol)) {
            throw new SyntaxError(
              "An invalid or duplicated subprotocol was specified"
            );
          }
          protocolSet.add(protocol);
        }
        opts.headers["Sec-WebSocket-Protocol"] = protocols.join(",");
      }
      if (opts.origin) {
        if (opts.protocolVersion < 13) {
          opts.headers["Sec-WebSocket-Origin"] = opts.origin;
        } else {
          opts.headers.Origin = opts.origin;
        }
      }
      if (parsedUrl.username || parsedUrl.password) {
        const username = querystring.unescape(parsedUrl.username);
        const password = querystring.unescape(parsedUrl.password);
        opts.auth = `${username}:${password}`;
      }
      if (isIpcUrl) {
        const i = opts.path.indexOf(":");
        if (i === -1) {
          opts.socketPath = opts.path;
          opts.path = "";
        } else {
          opts.socketPath = opts.path.slice(0, i);
          opts.path = opts.path.slice(i + 1);
        }
      }
      let req;
      if (opts.followRedirects) {
        if (websocket._redirects === 0) {
          websocket._originalIpc = isIpcUrl;
          websocket._originalSecure = isSecure;
          websocket._originalHostOrSocketPath = isIpcUrl ? opts.socketPath : parsedUrl.host;
          const headers = options && options.headers;
          options = { ...options, headers: {} };
          if (headers) {
            for (const [key2, value] of Object.entries(headers)) {
              options.headers[key2.toLowerCase()] = value;
            }
          }
        } else if (websocket.listenerCount("redirect") === 0) {
          const isSameHost = isIpcUrl ? websocket._originalIpc ? opts.socketPath === websocket._originalHostOrSocketPath : false : websocket._originalIpc ? false : parsedUrl.host === websocket._originalHostOrSocketPath;
          if (!isSameHost || websocket._originalSecure && !isSecure) {
            delete opts.headers.authorization;
            delete opts.headers.cookie;
            if (!isSameHost) delete opts.headers.host;
            opts.auth = void 0;
          }
        }
        if (opts.auth && !options.headers.authorization) {
          options.headers.authorization = "Basic " + Buffer.from(opts.auth).toString("base64");
        }
        req = websocket._req = request(opts);
        if (websocket._redirects) {
          websocket.emit("redirect", websocket.url, req);
        }
      } else {
        req = websocket._req = request(opts);
      }
      if (opts.timeout) {
        req.on("timeout", () => {
          abortHandshake(websocket, req, "Opening handshake has timed out");
        });
      }
      req.on("error", (err) => {
        if (req === null || req[kAborted]) return;
        req = websocket._req = null;
        emitErrorAndClose(websocket, err);
      });
      req.on("response", (res) => {
        const location = res.headers.location;
        const statusCode = res.statusCode;
        if (location && opts.followRedirects && statusCode >= 300 && statusCode < 400) {
          if (++websocket._redirects > opts.maxRedirects) {
            abortHandshake(websocket, req, "Maximum redirects exceeded");
            return;
          }
          req.abort();
          let addr;
          try {
            addr = new URL2(location, address);
          } catch (e) {
            const err = new SyntaxError(`Invalid URL: ${location}`);
            emitErrorAndClose(websocket, err);
            return;
          }
          initAsClient(websocket, addr, protocols, options);
        } else if (!websocket.emit("unexpected-response", req, res)) {
          abortHandshake(
            websocket,
            req,
            `Unexpected server response: ${res.statusCode}`
          );
        }
      });
      req.on("upgrade", (res, socket, head) => {
        websocket.emit("upgrade", res);
        if (websocket.readyState !== WebSocket2.CONNECTING) return;
        req = websocket._req = null;
        const upgrade = res.headers.upgrade;
        if (upgrade === void 0 || upgrade.toLowerCase() !== "websocket") {
          abortHandshake(websocket, socket, "Invalid Upgrade header");
          return;
        }
        const digest = createHash2("sha1").update(key + GUID).digest("base64");
        if (res.headers["sec-websocket-accept"] !== digest) {
          abortHandshake(websocket, socket, "Invalid Sec-WebSocket-Accept header");
          return;
        }
        const serverProt = res.headers["sec-websocket-protocol"];
        let protError;
        if (serverProt !== void 0) {
          if (!protocolSet.size) {
            protError = "Server sent a subprotocol but none was requested";
          } else if (!protocolSet.has(serverProt)) {
            protError = "Server sent an invalid subprotocol";
          }
        } else if (protocolSet.size) {
          protError = "Server sent no subprotocol";
        }
        if (protError) {
          abortHandshake(websocket, socket, protError);
          return;
        }
        if (serverProt) websocket._protocol = serverProt;
        const secWebSocketExtensions = res.headers["sec-websocket-extensions"];
        if (secWebSocketExtensions !== void 0) {
          if (!perMessageDeflate) {
            const message = "Server sent a Sec-WebSocket-Extensions header but no extension was requested";
            abortHandshake(websocket, socket, message);
            return;
          }
          let extensions;
          try {
            extensions = parse(secWebSocketExtensions);
          } catch (err) {
            const message = "Invalid Sec-WebSocket-Extensions header";
            abortHandshake(websocket, socket, message);
            return;
          }
          const extensionNames = Object.keys(extensions);
          if (extensionNames.length !== 1 || extensionNames[0] !== PerMessageDeflate2.extensionName) {
            const message = "Server indicated an extension that was not requested";
            abortHandshake(websocket, socket, message);
            return;
          }
          try {
            perMessageDeflate.accept(extensions[PerMessageDeflate2.extensionName]);
          } catch (err) {
            const message = "Invalid Sec-WebSocket-Extensions header";
            abortHandshake(websocket, socket, message);
            return;
          }
          websocket._extensions[PerMessageDeflate2.extensionName] = perMessageDeflate;
        }
        websocket.setSocket(socket, head, {
          allowSynchronousEvents: opts.allowSynchronousEvents,
          generateMask: opts.generateMask,
          maxBufferedChunks: opts.maxBufferedChunks,
          maxFragments: opts.maxFragments,
          maxPayload: opts.maxPayload,
          skipUTF8Validation: opts.skipUTF8Validation
        });
      });
      if (opts.finishRequest) {
        opts.finishRequest(req, websocket);
      } else {
        req.end();
      }
      return opts;
    }
    function emitErrorAndClose(websocket, err) {
      websocket._readyState = WebSocket2.CLOSING;
      websocket._errorEmitted = true;
      websocket.emit("error", err);
      websocket.emitClose();
    }
    function netConnect(options) {
      options.path = options.socketPath;
      return net.connect(options);
    }
    function tlsConnect(options) {
      options.path = void 0;
      if (!options.servername && options.servername !== "") {
        options.servername = net.isIP(options.host) ? "" : options.host;
      }
      return tls.connect(options);
    }
    function abortHandshake(websocket, stream, message) {
      websocket._readyState = WebSocket2.CLOSING;
      const err = new Error(message);
      Error.captureStackTrace(err, abortHandshake);
      if (stream.setHeader) {
        stream[kAborted] = true;
        stream.abort();
        if (stream.socket && !stream.socket.destroyed) {
          stream.socket.destroy();
        }
        process.nextTick(emitErrorAndClose, websocket, err);
      } else {
        stream.destroy(err);
        stream.once("error", websocket.emit.bind(websocket, "error"));
        stream.once("close", websocket.emitClose.bind(websocket));
      }
    }
    function sendAfterClose(websocket, data, cb) {
      if (data) {
        const length = isBlob(data) ? data.size : toBuffer(data).length;
        if (websocket._socket) websocket._sender._bufferedBytes += length;
        else websocket._bufferedAmount += length;
      }
      if (cb) {
        const err = new Error(
          `WebSocket is not open: readyState ${websocket.readyState} (${readyStates[websocket.readyState]})`
        );
        process.nextTick(cb, err);
      }
    }
    function receiverOnConclude(code2, reason) {
      const websocket = this[kWebSocket];
      websocket._closeFrameReceived = true;
      websocket._closeCode = code2;
      if (reason.length === 0) {
        websocket._closeMessage = EMPTY_BUFFER;
      } else {
        websocket._closeMessage = Buffer.allocUnsafeSlow(reason.length);
        websocket._closeMessage.set(reason);
      }
      if (websocket._socket[kWebSocket] === void 0) return;
      websocket._socket.removeListener("data", socketOnData);
      process.nextTick(resume, websocket._socket);
      if (code2 === 1005) websocket.close();
      else websocket.close(code2, reason);
    }
    function receiverOnDrain() {
      const websocket = this[kWebSocket];
      if (!websocket.isPaused) websocket._socket.resume();
    }
    function receiverOnError(err) {
      const websocket = this[kWebSocket];
      if (websocket._socket[kWebSocket] !== void 0) {
        websocket._socket.removeListener("data", socketOnData);
        process.nextTick(resume, websocket._socket);
        websocket.close(err[kStatusCode]);
      }
      if (!websocket._errorEmitted) {
        websocket._errorEmitted = true;
        websocket.emit("error", err);
      }
    }
    function receiverOnFinish() {
      this[kWebSocket].emitClose();
    }
    function receiverOnMessage(data, isBinary) {
      this[kWebSocket].emit("message", data, isBinary);
    }
    function receiverOnPing(data) {
      const websocket = this[kWebSocket];
      if (websocket._autoPong && websocket.readyState === WebSocket2.OPEN) {
        if (websocket._maxPendingAutoPongs > 0 && websocket._pendingAutoPongs >= websocket._maxPendingAutoPongs) {
          websocket.terminate();
        } else {
          websocket._pendingAutoPongs++;
          websocket.pong(data, !this._isServer, websocket._autoPongComplete);
        }
      }
      websocket.emit("ping", data);
    }
    function autoPongComplete(websocket) {
      websocket._pendingAutoPongs--;
    }
    function receiverOnPong(data) {
      this[kWebSocket].emit("pong", data);
    }
    function resume(stream) {
      stream.resume();
    }
    function senderOnError(err) {
      const websocket = this[kWebSocket];
      if (websocket.readyState === WebSocket2.CLOSED) return;
      if (websocket.readyState === WebSocket2.OPEN) {
        websocket._readyState = WebSocket2.CLOSING;
        setCloseTimer(websocket);
      }
      this._socket.end();
      if (!websocket._errorEmitted) {
        websocket._errorEmitted = true;
        websocket.emit("error", err);
      }
    }
    function setCloseTimer(websocket) {
      websocket._closeTimer = setTimeout(
        websocket._socket.destroy.bind(websocket._socket),
        websocket._closeTimeout
      );
    }
    function socketOnClose() {
      const websocket = this[kWebSocket];
      this.removeListener("close", socketOnClose);
      this.removeListener("data", socketOnData);
      this.removeListener("end", socketOnEnd);
      websocket._readyState = WebSocket2.CLOSING;
      if (!this._readableState.endEmitted && !websocket._closeFrameReceived && !websocket._receiver._writableState.errorEmitted && this._readableState.length !== 0) {
        const chunk = this.read(this._readableState.length);
        websocket._receiver.write(chunk);
      }
      websocket._receiver.end();
      this[kWebSocket] = void 0;
      clearTimeout(websocket._closeTimer);
      if (websocket._receiver._writableState.finished || websocket._receiver._writableState.errorEmitted) {
        websocket.emitClose();
      } else {
        websocket._receiver.on("error", receiverOnFinish);
        websocket._receiver.on("finish", receiverOnFinish);
      }
    }
    function socketOnData(chunk) {
      if (!this[kWebSocket]._receiver.write(chunk)) {
        this.pause();
      }
    }
    function socketOnEnd() {
      const websocket = this[kWebSocket];
      websocket._readyState = WebSocket2.CLOSING;
      websocket._receiver.end();
      this.end();
    }
    function socketOnError() {
      const websocket = this[kWebSocket];
      this.removeListener("error", socketOnError);
      this.on("error", NOOP);
      if (websocket) {
        websocket._readyState = WebSocket2.CLOSING;
        this.destroy();
      }
    }
  }
});

// ../main/node_modules/ws/lib/stream.js
var require_stream = __commonJS({
  "../main/node_modules/ws/lib/stream.js"(exports, module) {
    "use strict";
    var WebSocket2 = require_websocket();
    var { Duplex } = __require("stream");
    function emitClose(stream) {
      stream.emit("close");
    }
    function duplexOnEnd() {
      if (!this.destroyed && this._writableState.finished) {
        this.destroy();
      }
    }
    function duplexOnError(err) {
      this.removeListener("error", duplexOnError);
      this.destroy();
      if (this.listenerCount("error") === 0) {
        this.emit("error", err);
      }
    }
    function createWebSocketStream2(ws, options) {
      let terminateOnDestroy = true;
      const duplex = new Duplex({
        ...options,
        autoDestroy: false,
        emitClose: false,
        objectMode: false,
        writableObjectMode: false
      });
      ws.on("message", function message(msg, isBinary) {
        const data = !isBinary && duplex._readableState.objectMode ? msg.toString() : msg;
        if (!duplex.push(data)) ws.pause();
      });
      ws.once("error", function error(err) {
        if (duplex.destroyed) return;
        terminateOnDestroy = false;
        duplex.destroy(err);
      });
      ws.once("close", function close() {
        if (duplex.destroyed) return;
        duplex.push(null);
      });
      duplex._destroy = function(err, callback) {
        if (ws.readyState === ws.CLOSED) {
          callback(err);
          process.nextTick(emitClose, duplex);
          return;
        }
        let called = false;
        ws.once("error", function error(err2) {
          called = true;
          callback(err2);
        });
        ws.once("close", function close() {
          if (!called) callback(err);
          process.nextTick(emitClose, duplex);
        });
        if (terminateOnDestroy) ws.terminate();
      };
      duplex._final = function(callback) {
        if (ws.readyState === ws.CONNECTING) {
          ws.once("open", function open2() {
            duplex._final(callback);
          });
          return;
        }
        if (ws._socket === null) return;
        if (ws._socket._writableState.finished) {
          callback();
          if (duplex._readableState.endEmitted) duplex.destroy();
        } else {
          ws._socket.once("finish", function finish() {
            callback();
          });
          ws.close();
        }
      };
      duplex._read = function() {
        if (ws.isPaused) ws.resume();
      };
      duplex._write = function(chunk, encoding, callback) {
        if (ws.readyState === ws.CONNECTING) {
          ws.once("open", function open2() {
            duplex._write(chunk, encoding, callback);
          });
          return;
        }
        ws.send(chunk, callback);
      };
      duplex.on("end", duplexOnEnd);
      duplex.on("error", duplexOnError);
      return duplex;
    }
    module.exports = createWebSocketStream2;
  }
});

// ../main/node_modules/ws/lib/subprotocol.js
var require_subprotocol = __commonJS({
  "../main/node_modules/ws/lib/subprotocol.js"(exports, module) {
    "use strict";
    var { tokenChars } = require_validation();
    function parse(header) {
      const protocols = /* @__PURE__ */ new Set();
      let start = -1;
      let end = -1;
      let i = 0;
      for (i; i < header.length; i++) {
        const code2 = header.charCodeAt(i);
        if (end === -1 && tokenChars[code2] === 1) {
          if (start === -1) start = i;
        } else if (i !== 0 && (code2 === 32 || code2 === 9)) {
          if (end === -1 && start !== -1) end = i;
        } else if (code2 === 44) {
          if (start === -1) {
            throw new SyntaxError(`Unexpected character at index ${i}`);
          }
          if (end === -1) end = i;
          const protocol2 = header.slice(start, end);
          if (protocols.has(protocol2)) {
            throw new SyntaxError(`The "${protocol2}" subprotocol is duplicated`);
          }
          protocols.add(protocol2);
          start = end = -1;
        } else {
          throw new SyntaxError(`Unexpected character at index ${i}`);
        }
      }
      if (start === -1 || end !== -1) {
        throw new SyntaxError("Unexpected end of input");
      }
      const protocol = header.slice(start, i);
      if (protocols.has(protocol)) {
        throw new SyntaxError(`The "${protocol}" subprotocol is duplicated`);
      }
      protocols.add(protocol);
      return protocols;
    }
    module.exports = { parse };
  }
});

// ../main/node_modules/ws/lib/websocket-server.js
var require_websocket_server = __commonJS({
  "../main/node_modules/ws/lib/websocket-server.js"(exports, module) {
    "use strict";
    var EventEmitter2 = __require("events");
    var http2 = __require("http");
    var { Duplex } = __require("stream");
    var { createHash: createHash2 } = __require("crypto");
    var extension2 = require_extension();
    var PerMessageDeflate2 = require_permessage_deflate();
    var subprotocol2 = require_subprotocol();
    var WebSocket2 = require_websocket();
    var { CLOSE_TIMEOUT, GUID, kWebSocket } = require_constants();
    var keyRegex = /^[+/0-9A-Za-z]{22}==$/;
    var RUNNING = 0;
    var CLOSING = 1;
    var CLOSED = 2;
    var WebSocketServer2 = class extends EventEmitter2 {
      /**
       * Create a `WebSocketServer` instance.
       *
       * @param {Object} options Configuration options
       * @param {Boolean} [options.allowSynchronousEvents=true] Specifies whether
       *     any of the `'message'`, `'ping'`, and `'pong'` events can be emitted
       *     multiple times in the same tick
       * @param {Boolean} [options.autoPong=true] Specifies whether or not to
       *     automatically send a pong in response to a ping
       * @param {Number} [options.backlog=511] The maximum length of the queue of
       *     pending connections
       * @param {Boolean} [options.clientTracking=true] Specifies whether or not to
       *     track clients
       * @param {Number} [options.closeTimeout=30000] Duration in milliseconds to
       *     wait for the closing handshake to finish after `websocket.close()` is
       *     called
       * @param {Function} [options.handleProtocols] A hook to handle protocols
       * @param {String} [options.host] The hostname where to bind the server
       * @param {Number} [options.maxBufferedChunks=262144] The maximum number of
       *     buffered data chunks
       * @param {Number} [options.maxFragments=16384] The maximum number of message
       *     fragments
       * @param {Number} [options.maxPayload=104857600] The maximum allowed message
       *     size
       * @param {Number} [options.maxPendingAutoPongs=60] The maximum number of
       *     pending automatic pongs
       * @param {Boolean} [options.noServer=false] Enable no server mode
       * @param {String} [options.path] Accept only connections matching this path
       * @param {(Boolean|Object)} [options.perMessageDeflate=false] Enable/disable
       *     permessage-deflate
       * @param {Number} [options.port] The port where to bind the server
       * @param {(http.Server|https.Server)} [options.server] A pre-created HTTP/S
       *     server to use
       * @param {Boolean} [options.skipUTF8Validation=false] Specifies whether or
       *     not to skip UTF-8 validation for text and close messages
       * @param {Function} [options.verifyClient] A hook to reject connections
       * @param {Function} [options.WebSocket=WebSocket] Specifies the `WebSocket`
       *     class to use. It must be the `WebSocket` class or class that extends it
       * @param {Function} [callback] A listener for the `listening` event
       */
      constructor(options, callback) {
        super();
        options = {
          allowSynchronousEvents: true,
          autoPong: true,
          maxBufferedChunks: 256 * 1024,
          maxFragments: 16 * 1024,
          maxPayload: 100 * 1024 * 1024,
          maxPendingAutoPongs: 60,
          skipUTF8Validation: false,
          perMessageDeflate: false,
          handleProtocols: null,
          clientTracking: true,
          closeTimeout: CLOSE_TIMEOUT,
          verifyClient: null,
          noServer: false,
          backlog: null,
          // use default (511 as implemented in net.js)
          server: null,
          host: null,
          path: null,
          port: null,
          WebSocket: WebSocket2,
          ...options
        };
        if (options.port == null && !options.server && !options.noServer || options.port != null && (options.server || options.noServer) || options.server && options.noServer) {
          throw new TypeError(
            'One and only one of the "port", "server", or "noServer" options must be specified'
          );
        }
        if (options.port != null) {
          this._server = http2.createServer((req, res) => {
            const body = http2.STATUS_CODES[426];
            res.writeHead(426, {
              "Content-Length": body.length,
              "Content-Type": "text/plain"
            });
            res.end(body);
          });
          this._server.listen(
            options.port,
            options.host,
            options.backlog,
            callback
          );
        } else if (options.server) {
          this._server = options.server;
        }
        if (this._server) {
          const emitConnection = this.emit.bind(this, "connection");
          this._removeListeners = addListeners(this._server, {
            listening: this.emit.bind(this, "listening"),
            error: this.emit.bind(this, "error"),
            upgrade: (req, socket, head) => {
              this.handleUpgrade(req, socket, head, emitConnection);
            }
          });
        }
        if (options.perMessageDeflate === true) options.perMessageDeflate = {};
        if (options.clientTracking) {
          this.clients = /* @__PURE__ */ new Set();
          this._shouldEmitClose = false;
        }
        this.options = options;
        this._state = RUNNING;
      }
      /**
       * Returns the bound address, the address family name, and port of the server
       * as reported by the operating system if listening on an IP socket.
       * If the server is listening on a pipe or UNIX domain socket, the name is
       * returned as a string.
       *
       * @return {(Object|String|null)} The address of the server
       * @public
       */
      address() {
        if (this.options.noServer) {
          throw new Error('The server is operating in "noServer" mode');
        }
        if (!this._server) return null;
        return this._server.address();
      }
      /**
       * Stop the server from accepting new connections and emit the `'close'` event
       * when all existing connections are closed.
       *
       * @param {Function} [cb] A one-time listener for the `'close'` event
       * @public
       */
      close(cb) {
        if (this._state === CLOSED) {
          if (cb) {
            this.once("close", () => {
              cb(new Error("The server is not running"));
            });
          }
          process.nextTick(emitClose, this);
          return;
        }
        if (cb) this.once("close", cb);
        if (this._state === CLOSING) return;
        this._state = CLOSING;
        if (this.options.noServer || this.options.server) {
          if (this._server) {
            this._removeListeners();
            this._removeListeners = this._server = null;
          }
          if (this.clients) {
            if (!this.clients.size) {
              process.nextTick(emitClose, this);
            } else {
              this._shouldEmitClose = true;
            }
          } else {
            process.nextTick(emitClose, this);
          }
        } else {
          const server = this._server;
          this._removeListeners();
          this._removeListeners = this._server = null;
          server.close(() => {
            emitClose(this);
          });
        }
      }
      /**
       * See if a given request should be handled by this server instance.
       *
       * @param {http.IncomingMessage} req Request object to inspect
       * @return {Boolean} `true` if the request is valid, else `false`
       * @public
       */
      shouldHandle(req) {
        if (this.options.path) {
          const index = req.url.indexOf("?");
          const pathname = index !== -1 ? req.url.slice(0, index) : req.url;
          if (pathname !== this.options.path) return false;
        }
        return true;
      }
      /**
       * Handle a HTTP Upgrade request.
       *
       * @param {http.IncomingMessage} req The request object
       * @param {Duplex} socket The network socket between the server and client
       * @param {Buffer} head The first packet of the upgraded stream
       * @param {Function} cb Callback
       * @public
       */
      handleUpgrade(req, socket, head, cb) {
        socket.on("error", socketOnError);
        const key = req.headers["sec-websocket-key"];
        const upgrade = req.headers.upgrade;
        const version = +req.headers["sec-websocket-version"];
        if (req.method !== "GET") {
          const message = "Invalid HTTP method";
          abortHandshakeOrEmitwsClientError(this, req, socket, 405, message);
          return;
        }
        if (upgrade === void 0 || upgrade.toLowerCase() !== "websocket") {
          const message = "Invalid Upgrade header";
          abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
          return;
        }
        if (key === void 0 || !keyRegex.test(key)) {
          const message = "Missing or invalid Sec-WebSocket-Key header";
          abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
          return;
        }
        if (version !== 13 && version !== 8) {
          const message = "Missing or invalid Sec-WebSocket-Version header";
          abortHandshakeOrEmitwsClientError(this, req, socket, 400, message, {
            "Sec-WebSocket-Version": "13, 8"
          });
          return;
        }
        if (!this.shouldHandle(req)) {
          abortHandshake(socket, 400);
          return;
        }
        const secWebSocketProtocol = req.headers["sec-websocket-protocol"];
        let protocols = /* @__PURE__ */ new Set();
        if (secWebSocketProtocol !== void 0) {
          try {
            protocols = subprotocol2.parse(secWebSocketProtocol);
          } catch (err) {
            const message = "Invalid Sec-WebSocket-Protocol header";
            abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
            return;
          }
        }
        const secWebSocketExtensions = req.headers["sec-websocket-extensions"];
        const extensions = {};
        if (this.options.perMessageDeflate && secWebSocketExtensions !== void 0) {
          const perMessageDeflate = new PerMessageDeflate2({
            ...this.options.perMessageDeflate,
            isServer: true,
            maxPayload: this.options.maxPayload
          });
          try {
            const offers = extension2.parse(secWebSocketExtensions);
            if (offers[PerMessageDeflate2.extensionName]) {
              perMessageDeflate.accept(offers[PerMessageDeflate2.extensionName]);
              extensions[PerMessageDeflate2.extensionName] = perMessageDeflate;
            }
          } catch (err) {
            const message = "Invalid or unacceptable Sec-WebSocket-Extensions header";
            abortHandshakeOrEmitwsClientError(this, req, socket, 400, message);
            return;
          }
        }
        if (this.options.verifyClient) {
          const info = {
            origin: req.headers[`${version === 8 ? "sec-websocket-origin" : "origin"}`],
            secure: !!(req.socket.authorized || req.socket.encrypted),
            req
          };
          if (this.options.verifyClient.length === 2) {
            this.options.verifyClient(info, (verified, code2, message, headers) => {
              if (!verified) {
                return abortHandshake(socket, code2 || 401, message, headers);
              }
              this.completeUpgrade(
                extensions,
                key,
                protocols,
                req,
                socket,
                head,
                cb
              );
            });
            return;
          }
          if (!this.options.verifyClient(info)) return abortHandshake(socket, 401);
        }
        this.completeUpgrade(extensions, key, protocols, req, socket, head, cb);
      }
      /**
       * Upgrade the connection to WebSocket.
       *
       * @param {Object} extensions The accepted extensions
       * @param {String} key The value of the `Sec-WebSocket-Key` header
       * @param {Set} protocols The subprotocols
       * @param {http.IncomingMessage} req The request object
       * @param {Duplex} socket The network socket between the server and client
       * @param {Buffer} head The first packet of the upgraded stream
       * @param {Function} cb Callback
       * @throws {Error} If called more than once with the same socket
       * @private
       */
      completeUpgrade(extensions, key, protocols, req, socket, head, cb) {
        if (!socket.readable || !socket.writable) return socket.destroy();
        if (socket[kWebSocket]) {
          throw new Error(
            "server.handleUpgrade() was called more than once with the same socket, possibly due to a misconfiguration"
          );
        }
        if (this._state > RUNNING) return abortHandshake(socket, 503);
        const digest = createHash2("sha1").update(key + GUID).digest("base64");
        const headers = [
          "HTTP/1.1 101 Switching Protocols",
          "Upgrade: websocket",
          "Connection: Upgrade",
          `Sec-WebSocket-Accept: ${digest}`
        ];
        const ws = new this.options.WebSocket(null, void 0, this.options);
        if (protocols.size) {
          const protocol = this.options.handleProtocols ? this.options.handleProtocols(protocols, req) : protocols.values().next().value;
          if (protocol) {
            headers.push(`Sec-WebSocket-Protocol: ${protocol}`);
            ws._protocol = protocol;
          }
        }
        if (extensions[PerMessageDeflate2.extensionName]) {
          const params = extensions[PerMessageDeflate2.extensionName].params;
          const value = extension2.format({
            [PerMessageDeflate2.extensionName]: [params]
          });
          headers.push(`Sec-WebSocket-Extensions: ${value}`);
          ws._extensions = extensions;
        }
        this.emit("headers", headers, req);
        socket.write(headers.concat("\r\n").join("\r\n"));
        socket.removeListener("error", socketOnError);
        ws.setSocket(socket, head, {
          allowSynchronousEvents: this.options.allowSynchronousEvents,
          maxBufferedChunks: this.options.maxBufferedChunks,
          maxFragments: this.options.maxFragments,
          maxPayload: this.options.maxPayload,
          skipUTF8Validation: this.options.skipUTF8Validation
        });
        if (this.clients) {
          this.clients.add(ws);
          ws.on("close", () => {
            this.clients.delete(ws);
            if (this._shouldEmitClose && !this.clients.size) {
              process.nextTick(emitClose, this);
            }
          });
        }
        cb(ws, req);
      }
    };
    module.exports = WebSocketServer2;
    function addListeners(server, map) {
      for (const event of Object.keys(map)) server.on(event, map[event]);
      return function removeListeners() {
        for (const event of Object.keys(map)) {
          server.removeListener(event, map[event]);
        }
      };
    }
    function emitClose(server) {
      server._state = CLOSED;
      server.emit("close");
    }
    function socketOnError() {
      this.destroy();
    }
    function abortHandshake(socket, code2, message, headers) {
      message = message || http2.STATUS_CODES[code2];
      headers = {
        Connection: "close",
        "Content-Type": "text/html",
        "Content-Length": Buffer.byteLength(message),
        ...headers
      };
      socket.once("finish", socket.destroy);
      socket.end(
        `HTTP/1.1 ${code2} ${http2.STATUS_CODES[code2]}\r
` + Object.keys(headers).map((h) => `${h}: ${headers[h]}`).join("\r\n") + "\r\n\r\n" + message
      );
    }
    function abortHandshakeOrEmitwsClientError(server, req, socket, code2, message, headers) {
      if (server.listenerCount("wsClientError")) {
        const err = new Error(message);
        Error.captureStackTrace(err, abortHandshakeOrEmitwsClientError);
        server.emit("wsClientError", err, socket, req);
      } else {
        abortHandshake(socket, code2, message, headers);
      }
    }
  }
});

// ../main/node_modules/semver/internal/constants.js
var require_constants2 = __commonJS({
  "../main/node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// ../main/node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "../main/node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// ../main/node_modules/semver/internal/re.js
var require_re = __commonJS({
  "../main/node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants2();
    var debug = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// ../main/node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "../main/node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions2 = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions2;
  }
});

// ../main/node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "../main/node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// ../main/node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "../main/node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants2();
    var { safeRe: re, t } = require_re();
    var parseOptions2 = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions2(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// ../main/node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "../main/node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse;
  }
});

// ../main/node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "../main/node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var valid = (version, options) => {
      const v = parse(version, options);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// ../main/node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "../main/node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var clean = (version, options) => {
      const s = parse(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module.exports = clean;
  }
});

// ../main/node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "../main/node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// ../main/node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "../main/node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse(version1, null, true);
      const v2 = parse(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// ../main/node_modules/semver/functions/major.js
var require_major = __commonJS({
  "../main/node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// ../main/node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "../main/node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// ../main/node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "../main/node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// ../main/node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "../main/node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// ../main/node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "../main/node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare;
  }
});

// ../main/node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "../main/node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module.exports = rcompare;
  }
});

// ../main/node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "../main/node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module.exports = compareLoose;
  }
});

// ../main/node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "../main/node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// ../main/node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "../main/node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// ../main/node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "../main/node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// ../main/node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "../main/node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gt = (a, b, loose) => compare(a, b, loose) > 0;
    module.exports = gt;
  }
});

// ../main/node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "../main/node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module.exports = lt;
  }
});

// ../main/node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "../main/node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module.exports = eq;
  }
});

// ../main/node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "../main/node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// ../main/node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "../main/node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// ../main/node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "../main/node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// ../main/node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "../main/node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp;
  }
});

// ../main/node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "../main/node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module.exports = coerce;
  }
});

// ../main/node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "../main/node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse = require_parse();
    var constants2 = require_constants2();
    var SemVer = require_semver();
    var truncate = (version, truncation, options) => {
      if (!constants2.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module.exports = truncate;
  }
});

// ../main/node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "../main/node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// ../main/node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "../main/node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants2();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start, limit, digitRuns) => {
      if (!isDigit(range[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
      if (!loose && range[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
      const hyphen = range[start] === "-";
      if (!loose && !hyphen) {
        return start;
      }
      const identifierStart = start + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start) => {
      if (range[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
      if (isDigit(range[start])) {
        return findVersionNumberEndIndex(range, start, false, digitRuns);
      }
      return isVersionStart(range[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// ../main/node_modules/semver/classes/range.js
var require_range = __commonJS({
  "../main/node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions2(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions2 = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants2();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX(M) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// ../main/node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "../main/node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions2(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions2(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions2 = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// ../main/node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "../main/node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module.exports = satisfies;
  }
});

// ../main/node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "../main/node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// ../main/node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "../main/node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// ../main/node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "../main/node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// ../main/node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "../main/node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// ../main/node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "../main/node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// ../main/node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "../main/node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies(version, range, options)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// ../main/node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "../main/node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module.exports = gtr;
  }
});

// ../main/node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "../main/node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module.exports = ltr;
  }
});

// ../main/node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "../main/node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module.exports = intersects;
  }
});

// ../main/node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "../main/node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies = require_satisfies();
    var compare = require_compare();
    module.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare(a, b, options));
      for (const version of v) {
        const included = satisfies(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// ../main/node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "../main/node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// ../main/node_modules/semver/index.js
var require_semver2 = __commonJS({
  "../main/node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants2 = require_constants2();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse,
      valid,
      clean,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate,
      Comparator,
      Range,
      satisfies,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants2.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants2.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// src/cli-run.ts
var import_yaml2 = __toESM(require_dist(), 1);
import crypto from "node:crypto";
import fs10 from "node:fs";
import path14 from "node:path";
import { parseArgs } from "node:util";

// src/docker/docker.ts
import { spawn as spawn2 } from "node:child_process";
import readline from "node:readline";

// ../main/node_modules/@actions/exec/lib/exec.js
import { StringDecoder } from "string_decoder";

// ../main/node_modules/@actions/exec/lib/toolrunner.js
import * as os from "os";
import * as events from "events";
import * as child from "child_process";
import * as path3 from "path";

// ../main/node_modules/@actions/io/lib/io.js
import * as path2 from "path";

// ../main/node_modules/@actions/io/lib/io-util.js
import * as fs from "fs";
import * as path from "path";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs.constants.O_RDONLY;
function exists(fsPath) {
  return __awaiter(this, void 0, void 0, function* () {
    try {
      yield stat(fsPath);
    } catch (err) {
      if (err.code === "ENOENT") {
        return false;
      }
      throw err;
    }
    return true;
  });
}
function isRooted(p) {
  p = normalizeSeparators(p);
  if (!p) {
    throw new Error('isRooted() parameter "p" cannot be empty');
  }
  if (IS_WINDOWS) {
    return p.startsWith("\\") || /^[A-Z]:/i.test(p);
  }
  return p.startsWith("/");
}
function tryGetExecutablePath(filePath, extensions) {
  return __awaiter(this, void 0, void 0, function* () {
    let stats = void 0;
    try {
      stats = yield stat(filePath);
    } catch (err) {
      if (err.code !== "ENOENT") {
        console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
      }
    }
    if (stats && stats.isFile()) {
      if (IS_WINDOWS) {
        const upperExt = path.extname(filePath).toUpperCase();
        if (extensions.some((validExt) => validExt.toUpperCase() === upperExt)) {
          return filePath;
        }
      } else {
        if (isUnixExecutable(stats)) {
          return filePath;
        }
      }
    }
    const originalFilePath = filePath;
    for (const extension2 of extensions) {
      filePath = originalFilePath + extension2;
      stats = void 0;
      try {
        stats = yield stat(filePath);
      } catch (err) {
        if (err.code !== "ENOENT") {
          console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
        }
      }
      if (stats && stats.isFile()) {
        if (IS_WINDOWS) {
          try {
            const directory = path.dirname(filePath);
            const upperName = path.basename(filePath).toUpperCase();
            for (const actualName of yield readdir(directory)) {
              if (upperName === actualName.toUpperCase()) {
                filePath = path.join(directory, actualName);
                break;
              }
            }
          } catch (err) {
            console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
          }
          return filePath;
        } else {
          if (isUnixExecutable(stats)) {
            return filePath;
          }
        }
      }
    }
    return "";
  });
}
function normalizeSeparators(p) {
  p = p || "";
  if (IS_WINDOWS) {
    p = p.replace(/\//g, "\\");
    return p.replace(/\\\\+/g, "\\");
  }
  return p.replace(/\/\/+/g, "/");
}
function isUnixExecutable(stats) {
  return (stats.mode & 1) > 0 || (stats.mode & 8) > 0 && process.getgid !== void 0 && stats.gid === process.getgid() || (stats.mode & 64) > 0 && process.getuid !== void 0 && stats.uid === process.getuid();
}

// ../main/node_modules/@actions/io/lib/io.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
function which(tool, check) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!tool) {
      throw new Error("parameter 'tool' is required");
    }
    if (check) {
      const result = yield which(tool, false);
      if (!result) {
        if (IS_WINDOWS) {
          throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
        } else {
          throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
        }
      }
      return result;
    }
    const matches = yield findInPath(tool);
    if (matches && matches.length > 0) {
      return matches[0];
    }
    return "";
  });
}
function findInPath(tool) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!tool) {
      throw new Error("parameter 'tool' is required");
    }
    const extensions = [];
    if (IS_WINDOWS && process.env["PATHEXT"]) {
      for (const extension2 of process.env["PATHEXT"].split(path2.delimiter)) {
        if (extension2) {
          extensions.push(extension2);
        }
      }
    }
    if (isRooted(tool)) {
      const filePath = yield tryGetExecutablePath(tool, extensions);
      if (filePath) {
        return [filePath];
      }
      return [];
    }
    if (tool.includes(path2.sep)) {
      return [];
    }
    const directories = [];
    if (process.env.PATH) {
      for (const p of process.env.PATH.split(path2.delimiter)) {
        if (p) {
          directories.push(p);
        }
      }
    }
    const matches = [];
    for (const directory of directories) {
      const filePath = yield tryGetExecutablePath(path2.join(directory, tool), extensions);
      if (filePath) {
        matches.push(filePath);
      }
    }
    return matches;
  });
}

// ../main/node_modules/@actions/exec/lib/toolrunner.js
import { setTimeout as setTimeout2 } from "timers";
var __awaiter3 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var IS_WINDOWS2 = process.platform === "win32";
var ToolRunner = class extends events.EventEmitter {
  constructor(toolPath, args, options) {
    super();
    if (!toolPath) {
      throw new Error("Parameter 'toolPath' cannot be null or empty.");
    }
    this.toolPath = toolPath;
    this.args = args || [];
    this.options = options || {};
  }
  _debug(message) {
    if (this.options.listeners && this.options.listeners.debug) {
      this.options.listeners.debug(message);
    }
  }
  _getCommandString(options, noPrefix) {
    const toolPath = this._getSpawnFileName();
    const args = this._getSpawnArgs(options);
    let cmd = noPrefix ? "" : "[command]";
    if (IS_WINDOWS2) {
      if (this._isCmdFile()) {
        cmd += toolPath;
        for (const a of args) {
          cmd += ` ${a}`;
        }
      } else if (options.windowsVerbatimArguments) {
        cmd += `"${toolPath}"`;
        for (const a of args) {
          cmd += ` ${a}`;
        }
      } else {
        cmd += this._windowsQuoteCmdArg(toolPath);
        for (const a of args) {
          cmd += ` ${this._windowsQuoteCmdArg(a)}`;
        }
      }
    } else {
      cmd += toolPath;
      for (const a of args) {
        cmd += ` ${a}`;
      }
    }
    return cmd;
  }
  _processLineBuffer(data, strBuffer, onLine) {
    try {
      let s = strBuffer + data.toString();
      let n = s.indexOf(os.EOL);
      while (n > -1) {
        const line = s.substring(0, n);
        onLine(line);
        s = s.substring(n + os.EOL.length);
        n = s.indexOf(os.EOL);
      }
      return s;
    } catch (err) {
      this._debug(`error processing line. Failed with error ${err}`);
      return "";
    }
  }
  _getSpawnFileName() {
    if (IS_WINDOWS2) {
      if (this._isCmdFile()) {
        return process.env["COMSPEC"] || "cmd.exe";
      }
    }
    return this.toolPath;
  }
  _getSpawnArgs(options) {
    if (IS_WINDOWS2) {
      if (this._isCmdFile()) {
        let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
        for (const a of this.args) {
          argline += " ";
          argline += options.windowsVerbatimArguments ? a : this._windowsQuoteCmdArg(a);
        }
        argline += '"';
        return [argline];
      }
    }
    return this.args;
  }
  _endsWith(str, end) {
    return str.endsWith(end);
  }
  _isCmdFile() {
    const upperToolPath = this.toolPath.toUpperCase();
    return this._endsWith(upperToolPath, ".CMD") || this._endsWith(upperToolPath, ".BAT");
  }
  _windowsQuoteCmdArg(arg) {
    if (!this._isCmdFile()) {
      return this._uvQuoteCmdArg(arg);
    }
    if (!arg) {
      return '""';
    }
    const cmdSpecialChars = [
      " ",
      "	",
      "&",
      "(",
      ")",
      "[",
      "]",
      "{",
      "}",
      "^",
      "=",
      ";",
      "!",
      "'",
      "+",
      ",",
      "`",
      "~",
      "|",
      "<",
      ">",
      '"'
    ];
    let needsQuotes = false;
    for (const char of arg) {
      if (cmdSpecialChars.some((x) => x === char)) {
        needsQuotes = true;
        break;
      }
    }
    if (!needsQuotes) {
      return arg;
    }
    let reverse = '"';
    let quoteHit = true;
    for (let i = arg.length; i > 0; i--) {
      reverse += arg[i - 1];
      if (quoteHit && arg[i - 1] === "\\") {
        reverse += "\\";
      } else if (arg[i - 1] === '"') {
        quoteHit = true;
        reverse += '"';
      } else {
        quoteHit = false;
      }
    }
    reverse += '"';
    return reverse.split("").reverse().join("");
  }
  _uvQuoteCmdArg(arg) {
    if (!arg) {
      return '""';
    }
    if (!arg.includes(" ") && !arg.includes("	") && !arg.includes('"')) {
      return arg;
    }
    if (!arg.includes('"') && !arg.includes("\\")) {
      return `"${arg}"`;
    }
    let reverse = '"';
    let quoteHit = true;
    for (let i = arg.length; i > 0; i--) {
      reverse += arg[i - 1];
      if (quoteHit && arg[i - 1] === "\\") {
        reverse += "\\";
      } else if (arg[i - 1] === '"') {
        quoteHit = true;
        reverse += "\\";
      } else {
        quoteHit = false;
      }
    }
    reverse += '"';
    return reverse.split("").reverse().join("");
  }
  _cloneExecOptions(options) {
    options = options || {};
    const result = {
      cwd: options.cwd || process.cwd(),
      env: options.env || process.env,
      silent: options.silent || false,
      windowsVerbatimArguments: options.windowsVerbatimArguments || false,
      failOnStdErr: options.failOnStdErr || false,
      ignoreReturnCode: options.ignoreReturnCode || false,
      delay: options.delay || 1e4
    };
    result.outStream = options.outStream || process.stdout;
    result.errStream = options.errStream || process.stderr;
    return result;
  }
  _getSpawnOptions(options, toolPath) {
    options = options || {};
    const result = {};
    result.cwd = options.cwd;
    result.env = options.env;
    result["windowsVerbatimArguments"] = options.windowsVerbatimArguments || this._isCmdFile();
    if (options.windowsVerbatimArguments) {
      result.argv0 = `"${toolPath}"`;
    }
    return result;
  }
  /**
   * Exec a tool.
   * Output will be streamed to the live console.
   * Returns promise with return code
   *
   * @param     tool     path to tool to exec
   * @param     options  optional exec options.  See ExecOptions
   * @returns   number
   */
  exec() {
    return __awaiter3(this, void 0, void 0, function* () {
      if (!isRooted(this.toolPath) && (this.toolPath.includes("/") || IS_WINDOWS2 && this.toolPath.includes("\\"))) {
        this.toolPath = path3.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
      }
      this.toolPath = yield which(this.toolPath, true);
      return new Promise((resolve2, reject) => __awaiter3(this, void 0, void 0, function* () {
        this._debug(`exec tool: ${this.toolPath}`);
        this._debug("arguments:");
        for (const arg of this.args) {
          this._debug(`   ${arg}`);
        }
        const optionsNonNull = this._cloneExecOptions(this.options);
        if (!optionsNonNull.silent && optionsNonNull.outStream) {
          optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
        }
        const state = new ExecState(optionsNonNull, this.toolPath);
        state.on("debug", (message) => {
          this._debug(message);
        });
        if (this.options.cwd && !(yield exists(this.options.cwd))) {
          return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
        }
        const fileName = this._getSpawnFileName();
        const cp = child.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
        let stdbuffer = "";
        if (cp.stdout) {
          cp.stdout.on("data", (data) => {
            if (this.options.listeners && this.options.listeners.stdout) {
              this.options.listeners.stdout(data);
            }
            if (!optionsNonNull.silent && optionsNonNull.outStream) {
              optionsNonNull.outStream.write(data);
            }
            stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
              if (this.options.listeners && this.options.listeners.stdline) {
                this.options.listeners.stdline(line);
              }
            });
          });
        }
        let errbuffer = "";
        if (cp.stderr) {
          cp.stderr.on("data", (data) => {
            state.processStderr = true;
            if (this.options.listeners && this.options.listeners.stderr) {
              this.options.listeners.stderr(data);
            }
            if (!optionsNonNull.silent && optionsNonNull.errStream && optionsNonNull.outStream) {
              const s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
              s.write(data);
            }
            errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
              if (this.options.listeners && this.options.listeners.errline) {
                this.options.listeners.errline(line);
              }
            });
          });
        }
        cp.on("error", (err) => {
          state.processError = err.message;
          state.processExited = true;
          state.processClosed = true;
          state.CheckComplete();
        });
        cp.on("exit", (code2) => {
          state.processExitCode = code2;
          state.processExited = true;
          this._debug(`Exit code ${code2} received from tool '${this.toolPath}'`);
          state.CheckComplete();
        });
        cp.on("close", (code2) => {
          state.processExitCode = code2;
          state.processExited = true;
          state.processClosed = true;
          this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
          state.CheckComplete();
        });
        state.on("done", (error, exitCode) => {
          if (stdbuffer.length > 0) {
            this.emit("stdline", stdbuffer);
          }
          if (errbuffer.length > 0) {
            this.emit("errline", errbuffer);
          }
          cp.removeAllListeners();
          if (error) {
            reject(error);
          } else {
            resolve2(exitCode);
          }
        });
        if (this.options.input) {
          if (!cp.stdin) {
            throw new Error("child process missing stdin");
          }
          cp.stdin.end(this.options.input);
        }
      }));
    });
  }
};
function argStringToArray(argString) {
  const args = [];
  let inQuotes = false;
  let escaped = false;
  let arg = "";
  function append(c) {
    if (escaped && c !== '"') {
      arg += "\\";
    }
    arg += c;
    escaped = false;
  }
  for (let i = 0; i < argString.length; i++) {
    const c = argString.charAt(i);
    if (c === '"') {
      if (!escaped) {
        inQuotes = !inQuotes;
      } else {
        append(c);
      }
      continue;
    }
    if (c === "\\" && escaped) {
      append(c);
      continue;
    }
    if (c === "\\" && inQuotes) {
      escaped = true;
      continue;
    }
    if (c === " " && !inQuotes) {
      if (arg.length > 0) {
        args.push(arg);
        arg = "";
      }
      continue;
    }
    append(c);
  }
  if (arg.length > 0) {
    args.push(arg.trim());
  }
  return args;
}
var ExecState = class _ExecState extends events.EventEmitter {
  constructor(options, toolPath) {
    super();
    this.processClosed = false;
    this.processError = "";
    this.processExitCode = 0;
    this.processExited = false;
    this.processStderr = false;
    this.delay = 1e4;
    this.done = false;
    this.timeout = null;
    if (!toolPath) {
      throw new Error("toolPath must not be empty");
    }
    this.options = options;
    this.toolPath = toolPath;
    if (options.delay) {
      this.delay = options.delay;
    }
  }
  CheckComplete() {
    if (this.done) {
      return;
    }
    if (this.processClosed) {
      this._setResult();
    } else if (this.processExited) {
      this.timeout = setTimeout2(_ExecState.HandleTimeout, this.delay, this);
    }
  }
  _debug(message) {
    this.emit("debug", message);
  }
  _setResult() {
    let error;
    if (this.processExited) {
      if (this.processError) {
        error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
      } else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
        error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
      } else if (this.processStderr && this.options.failOnStdErr) {
        error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
      }
    }
    if (this.timeout) {
      clearTimeout(this.timeout);
      this.timeout = null;
    }
    this.done = true;
    this.emit("done", error, this.processExitCode);
  }
  static HandleTimeout(state) {
    if (state.done) {
      return;
    }
    if (!state.processClosed && state.processExited) {
      const message = `The STDIO streams did not close within ${state.delay / 1e3} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
      state._debug(message);
    }
    state._setResult();
  }
};

// ../main/node_modules/@actions/exec/lib/exec.js
var __awaiter4 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
function exec(commandLine2, args, options) {
  return __awaiter4(this, void 0, void 0, function* () {
    const commandArgs = argStringToArray(commandLine2);
    if (commandArgs.length === 0) {
      throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
    }
    const toolPath = commandArgs[0];
    args = commandArgs.slice(1).concat(args || []);
    const runner = new ToolRunner(toolPath, args, options);
    return runner.exec();
  });
}
function getExecOutput(commandLine2, args, options) {
  return __awaiter4(this, void 0, void 0, function* () {
    var _a, _b;
    let stdout = "";
    let stderr = "";
    const stdoutDecoder = new StringDecoder("utf8");
    const stderrDecoder = new StringDecoder("utf8");
    const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
    const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
    const stdErrListener = (data) => {
      stderr += stderrDecoder.write(data);
      if (originalStdErrListener) {
        originalStdErrListener(data);
      }
    };
    const stdOutListener = (data) => {
      stdout += stdoutDecoder.write(data);
      if (originalStdoutListener) {
        originalStdoutListener(data);
      }
    };
    const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
    const exitCode = yield exec(commandLine2, args, Object.assign(Object.assign({}, options), { listeners }));
    stdout += stdoutDecoder.end();
    stderr += stderrDecoder.end();
    return {
      exitCode,
      stdout,
      stderr
    };
  });
}

// src/docker/args.ts
var LABEL = "io.github.gunicorn-smoke";
var RUN_LABEL = `${LABEL}.run`;
function runIdentity(runKey) {
  const safe = runKey.toLowerCase().replace(/[^a-z0-9_.-]/g, "-");
  return { runKey: safe, containerName: `gunicorn-smoke-${safe}`, imageTag: `gunicorn-smoke-local:${safe}` };
}
function buildArgs(settings, identity) {
  if (!settings.dockerfile) throw new Error("buildArgs needs a Dockerfile");
  const command = usesBuildx(settings) ? ["buildx", "build", "--load"] : ["build", "--force-rm"];
  const args = [...command, "--file", settings.dockerfile, "--tag", identity.imageTag, "--label", `${RUN_LABEL}=${identity.runKey}`];
  for (const [key, value] of settings.buildArgs) args.push("--build-arg", `${key}=${value}`);
  if (settings.target) args.push("--target", settings.target);
  for (const spec of settings.cacheFrom) args.push("--cache-from", spec);
  for (const spec of settings.cacheTo) args.push("--cache-to", spec);
  args.push(settings.context);
  return args;
}
function pythonVersionArgs(image, identity) {
  return [
    "run",
    "--rm",
    "--label",
    `${RUN_LABEL}=${identity.runKey}`,
    "--entrypoint",
    "python3",
    image,
    "-c",
    "import platform; print(platform.python_version())"
  ];
}
function usesBuildx(settings) {
  return settings.cacheFrom.length > 0 || settings.cacheTo.length > 0;
}
function runArgs(settings, identity, image) {
  const args = [
    "run",
    "--detach",
    "--name",
    identity.containerName,
    "--label",
    `${LABEL}=1`,
    "--label",
    `${RUN_LABEL}=${identity.runKey}`,
    // Published on 127.0.0.1 only, at a free host port chosen by Docker: no clash between parallel runs, and
    // probes never go through `localhost`, which may resolve to ::1.
    "--publish",
    `127.0.0.1::${settings.port}`,
    // Lets the app reach services the workflow publishes on the runner (GitHub `services:`) on Linux too.
    "--add-host",
    "host.docker.internal:host-gateway",
    "--env",
    `PORT=${settings.port}`
  ];
  for (const [name] of settings.env) args.push("--env", name);
  if (settings.faulthandler && !settings.env.some(([name]) => name === "PYTHONFAULTHANDLER")) args.push("--env", "PYTHONFAULTHANDLER=1");
  if (settings.memory) args.push("--memory", settings.memory);
  if (settings.cpus) args.push("--cpus", settings.cpus);
  if (settings.network) args.push("--network", settings.network);
  args.push(image);
  if (settings.command) args.push(...settings.command);
  return args;
}
function runEnvironment(settings) {
  return Object.fromEntries(settings.env);
}
function topArgs(container) {
  return ["top", container, "-eo", "pid,ppid,rss,args"];
}
function imageSizeArgs(image) {
  return ["image", "inspect", "--format", "{{.Size}}", image];
}
function memoryStatsArgs(container) {
  return ["stats", "--no-stream", "--format", "{{.MemUsage}}", container];
}
function stackRequestArgs(container, pid) {
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`stackRequestArgs needs a process id, got ${pid}`);
  return [
    { via: "docker exec sh -c kill", args: ["exec", container, "sh", "-c", `kill -SEGV ${pid}`] },
    { via: "docker exec python3 os.kill", args: ["exec", container, "python3", "-c", `import os, signal; os.kill(${pid}, signal.SIGSEGV)`] }
  ];
}
function hostPidsArgs(container) {
  return ["top", container, "-eo", "pid"];
}

// src/docker/docker.ts
var DockerError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "DockerError";
  }
};
var dockerCommandRunner = {
  async run(args, env) {
    const result = await getExecOutput("docker", args, { ignoreReturnCode: true, silent: true, env: mergedEnv(env) });
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
  },
  // Streaming uses spawn directly: @actions/exec cannot be cancelled, and a long `docker build` or
  // `docker logs --follow` must stop when the job is cancelled.
  stream(args, options) {
    return new Promise((resolve2, reject) => {
      const child2 = spawn2("docker", args, { env: mergedEnv(options.env) ?? process.env, stdio: ["ignore", "pipe", "pipe"], signal: options.signal });
      const stdout = readline.createInterface({ input: child2.stdout, crlfDelay: Infinity });
      const stderr = readline.createInterface({ input: child2.stderr, crlfDelay: Infinity });
      stdout.on("line", (line) => options.onStdout?.(line));
      stderr.on("line", (line) => options.onStderr?.(line));
      let outputsOpen = 2;
      let exitCode;
      const finish = () => {
        if (outputsOpen === 0 && exitCode !== void 0) resolve2(exitCode);
      };
      stdout.on("close", () => (outputsOpen--, finish()));
      stderr.on("close", () => (outputsOpen--, finish()));
      child2.on("error", (error) => {
        if (error.code === "ENOENT")
          reject(new DockerError("Docker is not installed: the docker command was not found on PATH."));
        else if (error.name === "AbortError") exitCode ??= 130;
        else reject(error);
      });
      child2.on("close", (code2, signal) => {
        exitCode = code2 ?? (signal ? 128 + (signalNumber(signal) ?? 1) : 1);
        finish();
      });
    });
  }
};
function signalNumber(signal) {
  return { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal];
}
function mergedEnv(extra) {
  if (!extra) return void 0;
  const base = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== void 0) base[key] = value;
  return { ...base, ...extra };
}
var Docker = class {
  constructor(runner = dockerCommandRunner) {
    this.runner = runner;
  }
  runner;
  /** Fails with one sentence when the CLI is missing or the daemon is unreachable. */
  async serverVersion() {
    let result;
    try {
      result = await this.runner.run(["version", "--format", "{{.Server.Version}}"]);
    } catch (error) {
      if (isNotFound(error)) throw new DockerError("Docker is not installed: the docker command was not found on PATH.");
      throw error;
    }
    if (result.exitCode !== 0 || !result.stdout.trim()) {
      const why = firstLine(result.stderr) || "no answer";
      throw new DockerError(`The Docker daemon is not reachable (${why}).`);
    }
    return result.stdout.trim();
  }
  /** The Buildx plugin's version line, or undefined when `docker buildx` is not installed. */
  async buildxVersion() {
    const result = await this.runner.run(["buildx", "version"]);
    return result.exitCode === 0 && result.stdout.trim() ? result.stdout.trim() : void 0;
  }
  async build(args, options) {
    return this.runner.stream(args, options);
  }
  /** Starts a container detached and returns its id. */
  async run(args, env) {
    const result = await this.runner.run(args, env);
    if (result.exitCode !== 0) throw new DockerError(`docker run failed: ${firstLine(result.stderr) || `exit code ${result.exitCode}`}.`);
    return result.stdout.trim().split("\n").pop() ?? "";
  }
  /** The host address a container port is published on, e.g. 127.0.0.1:49153. */
  async hostPort(container, port) {
    const result = await this.runner.run(["port", container, `${port}/tcp`]);
    const match = result.stdout.match(/127\.0\.0\.1:(\d+)/);
    if (result.exitCode !== 0 || !match) {
      throw new DockerError(`Could not find the host port published for container port ${port}: ${firstLine(result.stderr) || "none"}.`);
    }
    return Number(match[1]);
  }
  /** Follows stdout and stderr until the container is removed or exits. */
  followLogs(container, onLine, signal) {
    return this.runner.stream(["logs", "--follow", container], {
      onStdout: (line) => onLine("stdout", line),
      onStderr: (line) => onLine("stderr", line),
      signal
    });
  }
  /** Resolves with the exit code once the container stops. */
  async wait(container) {
    const result = await this.runner.run(["wait", container]);
    const code2 = Number(result.stdout.trim());
    return result.exitCode === 0 && Number.isFinite(code2) ? code2 : void 0;
  }
  async containerState(container) {
    const result = await this.runner.run(["inspect", "--format", "{{json .State}}", container]);
    if (result.exitCode !== 0) return void 0;
    const state = JSON.parse(result.stdout);
    return {
      running: state.Running,
      exitCode: state.Running ? void 0 : state.ExitCode,
      oomKilled: state.OOMKilled,
      status: state.Status,
      error: state.Error || void 0
    };
  }
  async imageInfo(image) {
    const result = await this.runner.run(["image", "inspect", "--format", "{{json .Config}}", image]);
    if (result.exitCode !== 0) return void 0;
    const config = JSON.parse(result.stdout);
    return {
      workdir: config.WorkingDir || void 0,
      cmd: config.Cmd ?? void 0,
      entrypoint: config.Entrypoint ?? void 0,
      exposedPorts: Object.keys(config.ExposedPorts ?? {})
    };
  }
  async imageExists(image) {
    return (await this.runner.run(["image", "inspect", "--format", "{{.Id}}", image])).exitCode === 0;
  }
  /** Runs a short-lived container to completion, e.g. `gunicorn --print-config`. */
  async runToCompletion(args, env) {
    return this.runner.run(args, env);
  }
  /**
   * How many times the kernel's OOM killer struck inside the container. On cgroup v1 a worker killed for memory
   * leaves the container running with OOMKilled false; Docker's event stream still records it.
   */
  async oomEvents(container, sinceMs) {
    const result = await this.runner.run([
      "events",
      "--since",
      String(Math.floor(sinceMs / 1e3)),
      "--until",
      String(Math.ceil(Date.now() / 1e3) + 1),
      "--filter",
      `container=${container}`,
      "--filter",
      "event=oom",
      "--format",
      "{{.Action}}"
    ]);
    return result.exitCode === 0 ? result.stdout.split("\n").filter((line) => line.trim() === "oom").length : void 0;
  }
  /** `docker top` of the container with PID, parent PID, RSS (KiB) and argv columns, as Docker prints it. */
  async processTable(container) {
    const result = await this.runner.run(topArgs(container));
    if (result.exitCode !== 0)
      throw new DockerError(`Could not list the processes of container ${container}: ${firstLine(result.stderr) || "no answer"}.`);
    return result.stdout;
  }
  /** The image's size in bytes, or undefined when it cannot be inspected. */
  async imageSize(image) {
    const result = await this.runner.run(imageSizeArgs(image));
    const size = Number(result.stdout.trim());
    return result.exitCode === 0 && /^\d+$/.test(result.stdout.trim()) ? size : void 0;
  }
  /** `docker stats`' MemUsage column, e.g. `186.3MiB / 400MiB`, or undefined. */
  async memoryUsage(container) {
    const result = await this.runner.run(memoryStatsArgs(container));
    return result.exitCode === 0 && result.stdout.trim() ? result.stdout.trim() : void 0;
  }
  /** Removes containers (and their anonymous volumes) by id or name; missing ones are not an error. */
  async removeContainers(ids) {
    if (ids.length === 0) return;
    const result = await this.runner.run(["rm", "--force", "--volumes", ...ids]);
    const problems = result.stderr.split("\n").map((line) => line.trim()).filter((line) => line && !/No such container|removal of container .* is already in progress/i.test(line));
    if (result.exitCode !== 0 && problems.length > 0) {
      throw new DockerError(`Could not remove container(s) ${ids.join(", ")}: ${problems[0]}.`);
    }
  }
  /** Container ids carrying a label, running or not. */
  async containersWithLabel(label) {
    const result = await this.runner.run(["ps", "--all", "--quiet", "--filter", `label=${label}`]);
    if (result.exitCode !== 0) throw new DockerError(`Could not list containers: ${firstLine(result.stderr)}.`);
    return result.stdout.split("\n").map((s) => s.trim()).filter(Boolean);
  }
  /** Untags an image built for this run; --no-prune keeps its layers as build cache for the next run. */
  async removeImage(image) {
    const result = await this.runner.run(["image", "rm", "--no-prune", image]);
    if (result.exitCode !== 0 && !/No such image/i.test(result.stderr)) {
      throw new DockerError(`Could not remove image ${image}: ${firstLine(result.stderr)}.`);
    }
  }
};
function isNotFound(error) {
  const text = error instanceof Error ? error.message : String(error);
  return /ENOENT|Unable to locate executable|not found/i.test(text);
}
function firstLine(text) {
  return text.split("\n").map((line) => line.trim()).find(Boolean) ?? "";
}

// src/inputs.ts
import path4 from "node:path";

// ../main/node_modules/shlex/shlex.js
var Shlexer = class {
  constructor(string) {
    this.i = 0;
    this.string = string;
    this.whitespace = " 	\r\n";
    this.quotes = `'"`;
    this.escapes = "\\";
    this.escapedQuotes = '"';
    this.ansiCQuotes = true;
    this.localeQuotes = true;
    this.debug = false;
  }
  readChar() {
    return this.string.charAt(this.i++);
  }
  processEscapes(string, quote, isAnsiCQuote) {
    if (!isAnsiCQuote && !this.escapedQuotes.includes(quote)) {
      return string;
    }
    const anyEscape = "[" + this.escapes.replace(/(.)/g, "\\$1") + "]";
    if (!isAnsiCQuote && this.escapedQuotes.includes(quote)) {
      const re = new RegExp(
        anyEscape + "(" + anyEscape + "|\\" + quote + ")",
        "g"
      );
      return string.replace(re, "$1");
    }
    if (isAnsiCQuote) {
      const patterns = {
        // Literal characters
        "([\\\\'\"?])": (x) => x,
        // Non-printable ASCII characters
        "a": () => "\x07",
        "b": () => "\b",
        "e|E": () => "\x1B",
        "f": () => "\f",
        "n": () => "\n",
        "r": () => "\r",
        "t": () => "	",
        "v": () => "\v",
        // Octal bytes
        "([0-7]{1,3})": (x) => String.fromCharCode(parseInt(x, 8)),
        // Hexadecimal bytes
        "x([0-9a-fA-F]{1,2})": (x) => String.fromCharCode(parseInt(x, 16)),
        // Unicode code units
        "u([0-9a-fA-F]{1,4})": (x) => String.fromCharCode(parseInt(x, 16)),
        "U([0-9a-fA-F]{1,8})": (x) => String.fromCharCode(parseInt(x, 16)),
        // Control characters
        // https://en.wikipedia.org/wiki/Control_character#How_control_characters_map_to_keyboards
        "c(.)": (x) => {
          if (x === "?") {
            return "\x7F";
          } else if (x === "@") {
            return "\0";
          } else {
            return String.fromCharCode(x.charCodeAt(0) & 31);
          }
        }
      };
      const re = new RegExp(
        anyEscape + "(" + Object.keys(patterns).join("|") + ")",
        "g"
      );
      return string.replace(re, function(m, p1) {
        for (const matched in patterns) {
          const mm = new RegExp("^" + matched + "$").exec(p1);
          if (mm === null) {
            continue;
          }
          return patterns[matched].apply(null, mm.slice(1));
        }
      });
    }
    return void 0;
  }
  *[Symbol.iterator]() {
    let inQuote = false;
    let inDollarQuote = false;
    let escaped = false;
    let lastDollar = -2;
    let token;
    if (this.debug) {
      console.log("full input:", ">" + this.string + "<");
    }
    while (true) {
      const pos = this.i;
      const char = this.readChar();
      if (this.debug) {
        console.log(
          "position:",
          pos,
          "input:",
          ">" + char + "<",
          "accumulated:",
          token,
          "inQuote:",
          inQuote,
          "inDollarQuote:",
          inDollarQuote,
          "lastDollar:",
          lastDollar,
          "escaped:",
          escaped
        );
      }
      if (char === "") {
        if (inQuote) {
          throw new Error("Got EOF while in a quoted string");
        }
        if (escaped) {
          throw new Error("Got EOF while in an escape sequence");
        }
        if (token !== void 0) {
          yield token;
        }
        return;
      }
      if (escaped) {
        if (char === "\n") {
        } else if (inQuote) {
          token = (token || "") + escaped + char;
        } else {
          token = (token || "") + char;
        }
        escaped = false;
        continue;
      }
      if (this.escapes.includes(char)) {
        if (!inQuote || inDollarQuote !== false || this.escapedQuotes.includes(inQuote)) {
          escaped = char;
          continue;
        } else {
        }
      }
      if (inQuote !== false) {
        if (char === inQuote) {
          token = this.processEscapes(token, inQuote, inDollarQuote === "'");
          inQuote = false;
          inDollarQuote = false;
          continue;
        }
        token = (token || "") + char;
        continue;
      }
      if (this.quotes.includes(char)) {
        inQuote = char;
        if (lastDollar === pos - 1) {
          if (char === "'" && !this.ansiCQuotes) {
          } else if (char === '"' && !this.localeQuotes) {
          } else {
            inDollarQuote = char;
          }
        }
        token = token || "";
        if (inDollarQuote !== false) {
          token = token.slice(0, -1);
        }
        continue;
      }
      if (inQuote === false && char === "$") {
        lastDollar = pos;
      }
      if (this.whitespace.includes(char)) {
        if (token !== void 0) {
          yield token;
        }
        token = void 0;
        continue;
      }
      token = (token || "") + char;
    }
  }
};
function split(s) {
  return Array.from(new Shlexer(s));
}

// src/probes/host-header.ts
var LABEL2 = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
var HOST_HEADER = new RegExp(`^${LABEL2}(?:\\.${LABEL2})*\\.?(?::(\\d{1,5}))?$`);
function isHostHeader(text) {
  const match = HOST_HEADER.exec(text);
  if (!match || text.length > 260) return false;
  return match[1] === void 0 || Number(match[1]) >= 1 && Number(match[1]) <= 65535;
}
function hostHeaders(hostHeader) {
  return hostHeader ? { Host: hostHeader } : {};
}

// src/probes/websocket-session.ts
import { STATUS_CODES } from "node:http";

// src/text.ts
function clip(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}
function excerpt(text, max) {
  return clip(text.replace(/\s+/g, " ").trim(), max);
}
function formatSeconds(ms, wholeAsInteger = false) {
  return wholeAsInteger && Number.isInteger(ms / 1e3) ? `${ms / 1e3} s` : `${(ms / 1e3).toFixed(1)} s`;
}

// ../main/node_modules/ws/wrapper.mjs
var import_stream = __toESM(require_stream(), 1);
var import_extension = __toESM(require_extension(), 1);
var import_permessage_deflate = __toESM(require_permessage_deflate(), 1);
var import_receiver = __toESM(require_receiver(), 1);
var import_sender = __toESM(require_sender(), 1);
var import_subprotocol = __toESM(require_subprotocol(), 1);
var import_websocket = __toESM(require_websocket(), 1);
var import_websocket_server = __toESM(require_websocket_server(), 1);
var wrapper_default = import_websocket.default;

// src/probes/websocket-session.ts
var RETRYABLE_CODES = /* @__PURE__ */ new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ECONNABORTED"]);
var RETRY_DELAY_MS = 250;
var BODY_LIMIT_BYTES = 4096;
var BODY_WAIT_MS = 1e3;
var EXCERPT_CHARS = 100;
function compileExpect(expect) {
  if (expect === void 0) return void 0;
  if (expect instanceof RegExp) {
    const regex = new RegExp(expect.source, expect.flags.replace(/[gy]/g, ""));
    return (text) => regex.test(text);
  }
  const literal = /^\/(.+)\/([dimsuv]*)$/s.exec(expect);
  if (literal) {
    let regex;
    try {
      regex = new RegExp(literal[1], literal[2]);
    } catch (error) {
      throw new Error(`The WebSocket expect pattern ${expect} is not a valid regular expression (${error.message}).`, { cause: error });
    }
    return (text) => regex.test(text);
  }
  return (text) => text.includes(expect);
}
function describeExpect(expect) {
  return expect instanceof RegExp || /^\/.+\/[dimsuv]*$/s.test(expect) ? String(expect) : JSON.stringify(expect);
}
function excerpt2(text, limit = EXCERPT_CHARS) {
  return JSON.stringify(excerpt(text, limit));
}
function bodyText(body) {
  const json = jsonMessage(body);
  if (json !== void 0) return json;
  if (!/<html|<!doctype|<p>|<title>/i.test(body)) return body.trim();
  const strip = (html) => html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  const paragraph = /<p[^>]*>([\s\S]*?)<\/p>/i.exec(body);
  if (paragraph && strip(paragraph[1])) return strip(paragraph[1]);
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body);
  if (title && strip(title[1])) return strip(title[1]);
  return strip(body);
}
function jsonMessage(body) {
  let parsed;
  try {
    parsed = JSON.parse(body);
  } catch {
    return void 0;
  }
  if (typeof parsed === "string") return parsed.trim();
  if (typeof parsed !== "object" || parsed === null) return void 0;
  const fields = parsed;
  const message = [fields.message, fields.detail, fields.error].find((value) => typeof value === "string");
  return typeof message === "string" ? message.trim() : void 0;
}
function describeRejectedUpgrade(answer) {
  const { status } = answer;
  const head = `upgrade answered ${status} ${answer.statusText}`.trim();
  const said = bodyText(answer.body);
  const quote = said ? `: ${excerpt2(said)}` : "";
  let detail;
  if (status === 404) detail = `${head}: no such route`;
  else if (status === 403) detail = `${head}: refused (ASGI servers answer 403 when no WebSocket route matches)${quote}`;
  else if (status === 401) detail = `${head}: authentication required`;
  else if (status >= 300 && status < 400) detail = `${head}: redirect to ${answer.location ?? "an unnamed location"}`;
  else if (status >= 500) detail = `${head}: the app failed handling the upgrade${quote}`;
  else if (status === 400 || status === 426 || status >= 200 && status < 300) detail = `${head}: not upgraded (check the worker class)${quote}`;
  else detail = `${head}${quote}`;
  return { ok: false, failure: "http-status", status, detail };
}
var OpenSocket = class {
  constructor(socket, clock) {
    this.socket = socket;
    this.clock = clock;
    socket.on("message", (data) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      this.push({ type: "message", text: bytes.toString("utf8") });
    });
    socket.on("error", (error) => this.push({ type: "error", message: error.message }));
    socket.on("close", (code2, reason) => {
      this.closed = { type: "close", code: code2, reason: reason.toString("utf8") };
      this.push(this.closed);
    });
  }
  socket;
  clock;
  events = [];
  closed;
  wake;
  /** Epoch ms of the 101 answer; set by openWebSocket. */
  openedAt = 0;
  /** Sends a text frame; a failure shows up later as an error or close event. */
  send(text) {
    if (this.socket.readyState === wrapper_default.OPEN) this.socket.send(text);
  }
  /** The next event, or `timeout` once `until` (epoch ms) passes, or `aborted` when the caller's signal fires. */
  async next(until) {
    for (; ; ) {
      const queued = this.events.shift();
      if (queued) return queued;
      if (this.closed) return this.closed;
      const aborted = abortVerdict(this.clock.signal);
      if (aborted) return { type: "aborted", verdict: aborted };
      const remaining = until - Date.now();
      if (remaining <= 0) return { type: "timeout" };
      await new Promise((resolve2) => {
        const timer = setTimeout(done, remaining);
        const signal = this.clock.signal;
        signal?.addEventListener("abort", done);
        this.wake = done;
        function done() {
          clearTimeout(timer);
          signal?.removeEventListener("abort", done);
          resolve2();
        }
      });
      this.wake = void 0;
    }
  }
  /** Closes politely, and forcibly if the server does not finish the closing handshake soon. */
  close() {
    if (this.socket.readyState === wrapper_default.CLOSED) return;
    this.socket.close(1e3);
    setTimeout(() => this.socket.terminate(), 1e3).unref();
  }
  push(event) {
    this.events.push(event);
    this.wake?.();
  }
};
function abortVerdict(signal) {
  if (!signal?.aborted) return void 0;
  const reason = signal.reason;
  const error = typeof reason === "object" && reason !== null ? reason : void 0;
  const isTimeout = error?.name === "TimeoutError";
  const why = typeof error?.message === "string" ? error.message : typeof reason === "string" ? reason : "no reason given";
  return { ok: false, failure: isTimeout ? "timeout" : "network", detail: `probe aborted: ${why}` };
}
async function openWebSocket(url, clock, describeRejection = describeRejectedUpgrade, headers = {}) {
  let attempts = 0;
  for (; ; ) {
    attempts += 1;
    const result = await attemptOpen(url, clock, describeRejection, headers);
    if (!("retry" in result)) return result;
    const aborted = abortVerdict(clock.signal);
    if (aborted) return { verdict: aborted };
    if (Date.now() + RETRY_DELAY_MS >= clock.deadline) {
      const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
      return {
        verdict: { ok: false, failure: "network", detail: `${networkPhrase(result.retry)}, ${tries} in ${clock.deadline - clock.startedAt} ms` }
      };
    }
    await sleep(RETRY_DELAY_MS, clock.signal);
  }
}
function networkPhrase(code2) {
  if (code2 === "ECONNREFUSED") return "connection refused (ECONNREFUSED)";
  if (code2 === "ECONNRESET") return "connection reset before the upgrade was answered (ECONNRESET)";
  return `connection failed (${code2})`;
}
function attemptOpen(url, clock, describeRejection, headers) {
  return new Promise((resolve2) => {
    const socket = new wrapper_default(url, { perMessageDeflate: false, followRedirects: false, insecureHTTPParser: true, headers });
    const open2 = new OpenSocket(socket, clock);
    let settled = false;
    const timer = setTimeout(
      () => {
        finish({ verdict: { ok: false, failure: "timeout", detail: `no answer to the upgrade within ${clock.deadline - clock.startedAt} ms` } });
        socket.terminate();
      },
      Math.max(0, clock.deadline - Date.now())
    );
    const onAbort = () => {
      finish({ verdict: abortVerdict(clock.signal) ?? { ok: false, failure: "network", detail: "probe aborted" } });
      socket.terminate();
    };
    clock.signal?.addEventListener("abort", onAbort);
    if (clock.signal?.aborted) onAbort();
    function finish(result) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clock.signal?.removeEventListener("abort", onAbort);
      resolve2(result);
    }
    socket.on("open", () => {
      open2.openedAt = Date.now();
      finish({ open: open2 });
    });
    socket.on("unexpected-response", (request, response) => {
      void readBody(response).then((body) => {
        request.destroy();
        finish({
          verdict: describeRejection({
            status: response.statusCode ?? 0,
            statusText: STATUS_CODES[response.statusCode ?? 0] ?? response.statusMessage ?? "",
            location: response.headers.location,
            body
          })
        });
      });
    });
    socket.on("error", (error) => {
      if (settled) return;
      const code2 = error.code ?? "";
      if (RETRYABLE_CODES.has(code2)) finish({ retry: code2 });
      else if (code2) finish({ verdict: { ok: false, failure: "network", detail: networkPhrase(code2) } });
      else finish({ verdict: { ok: false, failure: "protocol", detail: `handshake failed: ${error.message}` } });
    });
  });
}
function readBody(response) {
  return new Promise((resolve2) => {
    const chunks = [];
    let size = 0;
    const done = () => {
      clearTimeout(timer);
      resolve2(Buffer.concat(chunks).toString("utf8"));
    };
    const timer = setTimeout(done, BODY_WAIT_MS);
    response.on("data", (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= BODY_LIMIT_BYTES) done();
    });
    response.on("end", done);
    response.on("error", done);
  });
}
function sleep(ms, signal) {
  return new Promise((resolve2) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve2();
    }
  });
}

// src/probes/socketio.ts
var DEFAULT_SOCKET_IO_PATH = "/socket.io/";
var ENGINE_IO_TYPES = ["open", "close", "ping", "pong", "message", "upgrade", "noop"];
function parseEngineIoPacket(text) {
  const type = ENGINE_IO_TYPES[Number(text[0])];
  if (!type || !/^[0-6]/.test(text)) return void 0;
  return { type, data: text.slice(1) };
}
function parseEngineIoHandshake(data) {
  let parsed;
  try {
    parsed = JSON.parse(data);
  } catch {
    return void 0;
  }
  if (typeof parsed !== "object" || parsed === null) return void 0;
  const fields = parsed;
  if (typeof fields.sid !== "string" || typeof fields.pingInterval !== "number") return void 0;
  return {
    sid: fields.sid,
    pingInterval: fields.pingInterval,
    pingTimeout: typeof fields.pingTimeout === "number" ? fields.pingTimeout : 0,
    upgrades: Array.isArray(fields.upgrades) ? fields.upgrades.map(String) : [],
    maxPayload: typeof fields.maxPayload === "number" ? fields.maxPayload : void 0
  };
}
var SOCKET_IO_TYPES = ["connect", "disconnect", "event", "ack", "connect_error", "binary_event", "binary_ack"];
function parseSocketIoPacket(text) {
  const type = SOCKET_IO_TYPES[Number(text[0])];
  if (!type || !/^[0-6]/.test(text)) return void 0;
  let rest = text.slice(1);
  if (type === "binary_event" || type === "binary_ack") {
    const attachments = /^\d+-/.exec(rest);
    if (!attachments) return void 0;
    rest = rest.slice(attachments[0].length);
  }
  let namespace = "/";
  if (rest.startsWith("/")) {
    const comma = rest.indexOf(",");
    namespace = comma === -1 ? rest : rest.slice(0, comma);
    rest = comma === -1 ? "" : rest.slice(comma + 1);
  }
  const ackDigits = /^\d+/.exec(rest)?.[0];
  if (ackDigits) rest = rest.slice(ackDigits.length);
  let payload;
  if (rest) {
    try {
      payload = JSON.parse(rest);
    } catch {
      return void 0;
    }
  }
  return { type, namespace, ackId: ackDigits ? Number(ackDigits) : void 0, payloadText: rest, payload };
}
function parseSocketIoSend(send) {
  const colon = send.indexOf(":");
  const event = (colon === -1 ? send : send.slice(0, colon)).trim();
  if (!event) throw new Error(`The Socket.IO send value ${JSON.stringify(send)} needs an event name before the colon, e.g. echo:{"text":"hi"}.`);
  if (colon === -1) return { event };
  const raw = send.slice(colon + 1);
  try {
    return { event, data: JSON.parse(raw) };
  } catch {
    return { event, data: raw };
  }
}
function encodeSocketIoEmit(emit, ackId = 1) {
  return `42${ackId}${JSON.stringify(emit.data === void 0 ? [emit.event] : [emit.event, emit.data])}`;
}
function engineIoPath(path15) {
  const bare = path15.split("?")[0].trim();
  if (!bare || bare === "/") return DEFAULT_SOCKET_IO_PATH;
  const rooted2 = bare.startsWith("/") ? bare : `/${bare}`;
  return rooted2.endsWith("/") ? rooted2 : `${rooted2}/`;
}
function socketIoRequestPath(path15) {
  const query = new URLSearchParams(path15.includes("?") ? path15.slice(path15.indexOf("?") + 1) : "");
  query.set("EIO", "4");
  query.set("transport", "websocket");
  return `${engineIoPath(path15)}?${query.toString()}`;
}
function describeRejectedSocketIoUpgrade(answer, path15) {
  const generic = describeRejectedUpgrade(answer);
  if (answer.status === 400 && /unsupported (protocol )?version/i.test(answer.body)) {
    return {
      ...generic,
      detail: `Engine.IO version mismatch: the server refused EIO=4 (400 ${excerpt2(bodyText(answer.body))})`
    };
  }
  if (answer.status === 404) return { ...generic, detail: `upgrade answered 404 Not Found: no Socket.IO server at ${engineIoPath(path15)}` };
  return generic;
}
var STAGE_WAITING_FOR = {
  handshake: "the Engine.IO open packet",
  connect: "the namespace connect answer (40)",
  reply: "a reply"
};
function failed(failure, detail, extra = {}) {
  return { ok: false, failure, detail, ...extra };
}
async function talkSocketIo(socket, conversation, clock) {
  const matches = compileExpect(conversation.expect);
  const emit = conversation.send === void 0 ? void 0 : parseSocketIoSend(conversation.send);
  const budget = clock.deadline - clock.startedAt;
  let stage = "handshake";
  let emittedAt = 0;
  let lastReply;
  const unsolicited = [];
  const connected = () => {
    if (emit) {
      socket.send(encodeSocketIoEmit(emit));
      emittedAt = Date.now();
      stage = "reply";
      return void 0;
    }
    if (!matches) return { ok: true, detail: `101, Socket.IO connected in ${Date.now() - clock.startedAt} ms` };
    const greeting = unsolicited.find(matches);
    if (greeting) return { ok: true, detail: `101, Socket.IO connected, server event matched ${describeExpect(conversation.expect)}` };
    stage = "reply";
    emittedAt = Date.now();
    return void 0;
  };
  for (; ; ) {
    const event = await socket.next(clock.deadline);
    if (event.type !== "message") {
      const what = emit ? `to ${JSON.stringify(emit.event)}` : "from the server";
      return endedWithoutMessage(event, {
        stage,
        path: conversation.path,
        budget,
        what,
        expect: matches ? conversation.expect : void 0,
        lastReply
      });
    }
    const packet = parseEngineIoPacket(event.text);
    if (!packet) return failed("protocol", `not an Engine.IO packet: ${excerpt2(event.text)}`);
    if (stage === "handshake") {
      if (packet.type !== "open") return failed("protocol", `expected the Engine.IO open packet, got ${excerpt2(event.text)}`);
      if (!parseEngineIoHandshake(packet.data)) return failed("protocol", `Engine.IO open packet without sid/pingInterval: ${excerpt2(event.text)}`);
      socket.send("40");
      stage = "connect";
      continue;
    }
    if (packet.type === "ping") {
      socket.send(`3${packet.data}`);
      continue;
    }
    if (packet.type === "close") return failed("closed", `the server sent an Engine.IO close packet while waiting for ${STAGE_WAITING_FOR[stage]}`);
    if (packet.type !== "message") continue;
    const message = parseSocketIoPacket(packet.data);
    if (!message) return failed("protocol", `not a Socket.IO packet: ${excerpt2(event.text)}`);
    if (message.namespace !== "/") continue;
    if (message.type === "connect_error") return failed("protocol", `connect_error: ${connectErrorMessage(message)}`);
    if (message.type === "disconnect")
      return failed("closed", `the server disconnected the namespace (41) while waiting for ${STAGE_WAITING_FOR[stage]}`);
    if (stage === "connect") {
      if (message.type === "connect") {
        if (!message.payloadText)
          return failed("protocol", "Engine.IO version mismatch: the server answered like Socket.IO v2 (EIO=3, bare 40 without sid)");
        const verdict2 = connected();
        if (verdict2) return verdict2;
      } else if (message.type === "event") {
        unsolicited.push(message.payloadText);
      }
      continue;
    }
    if (message.type !== "event" && message.type !== "ack") continue;
    if (!emit && message.type === "ack") continue;
    const elapsed = Date.now() - emittedAt;
    const subject = emit ? JSON.stringify(emit.event) : "server event";
    if (!matches) return { ok: true, detail: `101, Socket.IO ${subject} ${message.type === "ack" ? "ack" : "reply"} received in ${elapsed} ms` };
    if (matches(message.payloadText)) return { ok: true, detail: `101, Socket.IO ${subject} reply matched in ${elapsed} ms` };
    if (message.type === "event" || lastReply === void 0) lastReply = message.payloadText;
  }
}
function endedWithoutMessage(event, at) {
  const waitingFor = STAGE_WAITING_FOR[at.stage];
  switch (event.type) {
    case "aborted":
      return event.verdict;
    case "error":
      return failed("protocol", `WebSocket error while waiting for ${waitingFor}: ${event.message}`);
    case "close": {
      const reason = event.reason ? `: ${excerpt2(event.reason)}` : "";
      const hint = at.stage === "handshake" ? `; no Socket.IO server at ${engineIoPath(at.path)}, or it refused EIO=4` : "";
      return failed("closed", `closed before ${waitingFor} (${event.code}${reason})${hint}`, { closeCode: event.code });
    }
    case "timeout":
      if (at.stage !== "reply") return failed("timeout", `101, but ${waitingFor} did not arrive within ${at.budget} ms`);
      if (at.expect !== void 0 && at.lastReply !== void 0)
        return failed(
          "expect-mismatch",
          `no reply ${at.what} matched ${describeExpect(at.expect)} within ${at.budget} ms; last: ${excerpt2(at.lastReply)}`
        );
      return failed("timeout", `Socket.IO connected, but no reply ${at.what} within ${at.budget} ms`);
  }
}
function connectErrorMessage(packet) {
  const payload = packet.payload;
  if (typeof payload === "string") return payload;
  if (typeof payload === "object" && payload !== null && typeof payload.message === "string")
    return payload.message;
  return packet.payloadText || "no message";
}

// src/probes/websocket.ts
var OPEN_GRACE_MS = 500;
var WebSocketProbe = class {
  constructor(options) {
    this.options = options;
  }
  options;
  stopper = new AbortController();
  answer;
  async start() {
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, this.stopper.signal]) : this.stopper.signal;
    this.answer = await probeWebSocket({ ...this.options, signal });
    return this.answer;
  }
  result() {
    return this.answer;
  }
  cancel() {
    this.stopper.abort();
  }
};
async function probeWebSocket(options) {
  compileExpect(options.expect);
  if (options.protocol === "socket.io" && options.send !== void 0) parseSocketIoSend(options.send);
  const startedAt = Date.now();
  const clock = { startedAt, deadline: startedAt + options.timeoutMs, signal: options.signal };
  const isSocketIo = options.protocol === "socket.io";
  const path15 = isSocketIo ? engineIoPath(options.path) : rooted(options.path);
  const requestPath = isSocketIo ? socketIoRequestPath(options.path) : path15;
  const url = `ws://${options.host.includes(":") ? `[${options.host}]` : options.host}:${options.port}${requestPath}`;
  const describeRejection = isSocketIo ? (answer) => describeRejectedSocketIoUpgrade(answer, options.path) : void 0;
  const connection = await openWebSocket(url, clock, describeRejection, hostHeaders(options.hostHeader));
  let verdict2;
  if ("verdict" in connection) {
    verdict2 = connection.verdict;
  } else {
    try {
      verdict2 = isSocketIo ? await talkSocketIo(connection.open, { path: options.path, send: options.send, expect: options.expect }, clock) : await talkPlain(connection.open, options, clock);
    } finally {
      connection.open.close();
    }
  }
  return { protocol: options.protocol, path: path15, ...verdict2, durationMs: Date.now() - startedAt };
}
function rooted(path15) {
  return path15.startsWith("/") ? path15 : `/${path15}`;
}
async function talkPlain(socket, options, clock) {
  const matches = compileExpect(options.expect);
  const budget = clock.deadline - clock.startedAt;
  const openMs = socket.openedAt - clock.startedAt;
  const closedAtOnce = (code2, reason) => ({
    ok: false,
    failure: "closed",
    closeCode: code2,
    detail: `closed right after opening (${code2}${reason ? `: ${excerpt2(reason)}` : ""})`
  });
  if (options.send === void 0 && !matches) {
    const event = await socket.next(Math.min(clock.deadline, Date.now() + OPEN_GRACE_MS));
    if (event.type === "aborted") return event.verdict;
    if (event.type === "close") return closedAtOnce(event.code, event.reason);
    if (event.type === "error") return { ok: false, failure: "protocol", detail: `WebSocket error right after opening: ${event.message}` };
    return { ok: true, detail: `101, connection open in ${openMs} ms` };
  }
  if (options.send !== void 0) socket.send(options.send);
  const sentAt = Date.now();
  const awaited = options.send === void 0 ? "no message from the server" : `no reply to ${excerpt2(options.send)}`;
  let lastReply;
  for (; ; ) {
    const event = await socket.next(clock.deadline);
    if (event.type === "aborted") return event.verdict;
    if (event.type === "error") return { ok: false, failure: "protocol", detail: `WebSocket error: ${event.message}` };
    if (event.type === "close") {
      if (lastReply === void 0 && Date.now() - socket.openedAt < OPEN_GRACE_MS) return closedAtOnce(event.code, event.reason);
      const reason = event.reason ? `: ${excerpt2(event.reason)}` : "";
      const before = lastReply === void 0 ? "replying" : "a matching reply";
      return { ok: false, failure: "closed", closeCode: event.code, detail: `closed before ${before} (${event.code}${reason})` };
    }
    if (event.type === "timeout") {
      if (matches && lastReply !== void 0)
        return {
          ok: false,
          failure: "expect-mismatch",
          detail: `no reply matched ${describeExpect(options.expect)} within ${budget} ms; last: ${excerpt2(lastReply)}`
        };
      return { ok: false, failure: "timeout", detail: `101, but ${awaited} within ${budget} ms` };
    }
    if (!matches || matches(event.text)) {
      const elapsed = Date.now() - sentAt;
      if (options.send !== void 0 && event.text === options.send) return { ok: true, detail: `101, echo matched in ${elapsed} ms` };
      if (!matches) return { ok: true, detail: `101, reply received in ${elapsed} ms` };
      const what = options.send === void 0 ? "server message" : "reply";
      return { ok: true, detail: `101, ${what} matched ${describeExpect(options.expect)} in ${elapsed} ms` };
    }
    lastReply = event.text;
  }
}

// src/profile/limits.ts
var REGRESSION_METRICS = ["worker-memory", "memory", "image-size", "boot-time"];
var ENTRY = /^([a-z-]+)\s*=\s*(\d+(?:\.\d+)?)\s*%$/;
function parseRegressionLimits(text, fail) {
  const limits = {};
  const trimmed = text.trim();
  if (!trimmed) return limits;
  for (const part of trimmed.split(",")) {
    const match = ENTRY.exec(part.trim());
    if (!match) {
      throw fail(
        `The input 'regression-limit' must be comma-separated limits such as 'worker-memory=25%,boot-time=50%', got '${part.trim().replace(/\r?\n/g, "\\n")}'.`
      );
    }
    const metric = match[1];
    if (!REGRESSION_METRICS.includes(metric)) {
      throw fail(`The input 'regression-limit' names '${match[1]}', which is not one of ${REGRESSION_METRICS.map((m) => `'${m}'`).join(", ")}.`);
    }
    if (metric in limits) throw fail(`The input 'regression-limit' gives '${metric}' twice.`);
    limits[metric] = Number(match[2]) / 100;
  }
  return limits;
}
function figure(profile, metric) {
  switch (metric) {
    case "worker-memory":
      return profile.largestWorkerRssBytes;
    case "memory":
      return profile.containerMemoryBytes;
    case "image-size":
      return profile.imageSizeBytes;
    case "boot-time":
      return profile.healthyMs;
  }
}
function change(head, base) {
  return head === void 0 || base === void 0 || base <= 0 ? void 0 : (head - base) / base;
}
function regressionsBeyond(head, base, limits) {
  const found = [];
  for (const metric of REGRESSION_METRICS) {
    const limit = limits[metric];
    const headValue = figure(head, metric);
    const baseValue = figure(base, metric);
    const grown = change(headValue, baseValue);
    if (limit !== void 0 && grown !== void 0 && grown > limit) found.push({ metric, head: headValue, base: baseValue, change: grown, limit });
  }
  return found;
}

// src/profile/inputs.ts
function parseComparisonInputs(get, image, fail) {
  const text = get("compare") || "none";
  const compare = text.toLowerCase();
  if (compare !== "none" && compare !== "base")
    throw fail(`The input 'compare' must be one of 'none', 'base', got '${text.replace(/\r?\n/g, "\\n")}'.`);
  if (compare === "base" && image) {
    throw fail(`The input 'compare' cannot be 'base' together with 'image': the base commit has to be built from its Dockerfile.`);
  }
  const regressionLimits = parseRegressionLimits(get("regression-limit"), fail);
  if (Object.keys(regressionLimits).length > 0 && compare !== "base") {
    throw fail(`The input 'regression-limit' needs 'compare: base' (it limits the growth over the base commit).`);
  }
  return { compare, regressionLimits };
}

// src/input-values.ts
import fs2 from "node:fs";
var InputError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "InputError";
  }
};
function shown(value) {
  return value.replace(/\r?\n/g, "\\n");
}
function parseKeyValueLines(input, text) {
  const pairs = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.replace(/^\s+/, "").replace(/\s+$/, "");
    if (!line || line.startsWith("#")) return;
    const eq = line.indexOf("=");
    if (eq <= 0) {
      throw new InputError(`The input '${input}' has a line without KEY=VALUE form (line ${index + 1}).`);
    }
    pairs.push([line.slice(0, eq).trim(), line.slice(eq + 1)]);
  });
  return pairs;
}
function parseStatusMatcher(text) {
  const parts = text.split(",").map((part) => part.trim().toLowerCase());
  const tests = [];
  for (const part of parts) {
    let match;
    if (match = part.match(/^([1-5])xx$/)) {
      const hundred = Number(match[1]) * 100;
      tests.push((status) => status >= hundred && status < hundred + 100);
    } else if (match = part.match(/^(\d{3})-(\d{3})$/)) {
      const low = Number(match[1]);
      const high = Number(match[2]);
      if (low > high || low < 100 || high > 599) throw badStatus(text);
      tests.push((status) => status >= low && status <= high);
    } else if (/^\d{3}$/.test(part)) {
      const code2 = Number(part);
      if (code2 < 100 || code2 > 599) throw badStatus(text);
      tests.push((status) => status === code2);
    } else {
      throw badStatus(text);
    }
  }
  return { text: parts.join(","), matches: (status) => tests.some((test) => test(status)) };
}
function badStatus(text) {
  return new InputError(
    `The input 'health-status' must be status codes, classes or ranges such as '200', '200,204', '2xx' or '200-299', got '${shown(text)}'.`
  );
}
function parseNumber(input, text, min, max) {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) {
    throw new InputError(`The input '${input}' must be a number of seconds, got '${shown(text)}'.`);
  }
  if (value < min || value > max) throw new InputError(`The input '${input}' must be between ${min} and ${max}, got '${shown(text)}'.`);
  return value;
}
function parseInteger(input, text, min, max) {
  if (!/^\d+$/.test(text)) throw new InputError(`The input '${input}' must be a whole number, got '${shown(text)}'.`);
  const value = Number(text);
  if (value < min || value > max) throw new InputError(`The input '${input}' must be between ${min} and ${max}, got '${shown(text)}'.`);
  return value;
}
function parseEnum(input, text, allowed) {
  const value = text.toLowerCase();
  if (!allowed.includes(value)) {
    throw new InputError(`The input '${input}' must be one of ${allowed.map((a) => `'${a}'`).join(", ")}, got '${shown(text)}'.`);
  }
  return value;
}
function isDirectory2(p) {
  try {
    return fs2.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
function isFile(p) {
  try {
    return fs2.statSync(p).isFile();
  } catch {
    return false;
  }
}

// src/inputs.ts
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var IMAGE_REFERENCE = /^[a-z0-9][a-z0-9._\-/:]*(@sha256:[a-f0-9]{64})?$/i;
var MEMORY = /^\d+(\.\d+)?[bkmg]?$/i;
function parseSettings(read, workspace) {
  const get = (name) => read(name).trim();
  const workspaceAbs = path4.resolve(workspace);
  const source = parseImageSource(get, read, workspaceAbs);
  const command = parseCommand(get("command"));
  const port = parseInteger("port", get("port") || "8000", 1, 65535);
  const env = parseKeyValueLines("env", read("env"));
  for (const [name] of env) {
    if (!ENV_NAME.test(name)) throw new InputError(`The input 'env' has a line whose name '${name}' is not a valid environment variable name.`);
  }
  const healthPath = get("health-path") || "/health";
  if (!healthPath.startsWith("/")) throw new InputError(`The input 'health-path' must start with '/', got '${healthPath}'.`);
  if (/\s/.test(healthPath)) throw new InputError(`The input 'health-path' must not contain spaces.`);
  const healthStatus = parseStatusMatcher(get("health-status") || "200");
  const timeoutSec = parseNumber("timeout", get("timeout") || "60", 1, 3600);
  const stabilityWindowSec = parseNumber("stability-window", get("stability-window") || "5", 0, 600);
  const websocket = parseWebsocketSettings(get, read);
  const comment = parseCommentSettings(get);
  const limits = parseContainerLimits(get);
  const loadRequests = parseInteger("load-requests", get("load-requests") || "0", 0, 1e4);
  const { compare, regressionLimits } = parseComparisonInputs(get, source.image, (message) => new InputError(message));
  const faulthandler = parseEnum("faulthandler", get("faulthandler") || "true", ["true", "false"]) === "true";
  const hostHeader = get("host-header") || void 0;
  if (hostHeader && !isHostHeader(hostHeader)) {
    throw new InputError(`The input 'host-header' must be a host name with an optional port, such as 'api.example.com', got '${shown(hostHeader)}'.`);
  }
  return {
    workspace: workspaceAbs,
    ...source,
    command,
    port,
    env,
    healthPath,
    healthStatus,
    timeoutSec,
    stabilityWindowSec,
    ...websocket,
    ...comment,
    ...limits,
    loadRequests,
    compare,
    regressionLimits,
    faulthandler,
    hostHeader
  };
}
function parseImageSource(get, read, workspaceAbs) {
  const inside = (p) => p === workspaceAbs || p.startsWith(workspaceAbs + path4.sep);
  const image = get("image") || void 0;
  if (image && !IMAGE_REFERENCE.test(image)) {
    throw new InputError(`The input 'image' must be an image reference such as 'myapp:latest' or 'ghcr.io/org/app@sha256:\u2026', got '${shown(image)}'.`);
  }
  const contextInput = get("context") || ".";
  const context = path4.resolve(workspaceAbs, contextInput);
  const buildArgs2 = parseKeyValueLines("build-args", read("build-args"));
  const target = get("target") || void 0;
  if (target && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(target)) {
    throw new InputError(`The input 'target' must be the name of a build stage, got '${shown(target)}'.`);
  }
  const cacheFrom = parseCacheSpecs("cache-from", read("cache-from"));
  const cacheTo = parseCacheSpecs("cache-to", read("cache-to"));
  if (image) {
    for (const name of ["dockerfile", "build-args", "target", "cache-from", "cache-to"]) {
      if (get(name)) throw new InputError(`The input '${name}' cannot be used together with 'image': a prebuilt image is not built.`);
    }
    return { context, dockerfile: void 0, buildArgs: buildArgs2, target, image, cacheFrom, cacheTo };
  }
  if (!inside(context)) throw new InputError(`The input 'context' must be a directory inside the repository, got '${shown(contextInput)}'.`);
  if (!isDirectory2(context)) {
    throw new InputError(`The input 'context' points to '${shown(contextInput)}', which is not a directory in the repository.`);
  }
  const dockerfileInput = get("dockerfile");
  const dockerfile = dockerfileInput ? path4.resolve(context, dockerfileInput) : path4.join(context, "Dockerfile");
  if (!inside(dockerfile)) throw new InputError(`The input 'dockerfile' must be a file inside the repository, got '${shown(dockerfileInput)}'.`);
  if (isDirectory2(dockerfile)) {
    throw new InputError(`The input 'dockerfile' points to '${shown(dockerfileInput || "Dockerfile")}', which is a directory, not a file.`);
  }
  if (!isFile(dockerfile)) {
    const named = dockerfileInput || path4.relative(workspaceAbs, dockerfile) || "Dockerfile";
    throw new InputError(`The input 'dockerfile' points to '${named}', which does not exist (relative paths are read from the context).`);
  }
  return { context, dockerfile, buildArgs: buildArgs2, target, image, cacheFrom, cacheTo };
}
function parseCacheSpecs(name, text) {
  const specs = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const bad = specs.find((spec) => !/^[A-Za-z0-9][^\s]*$/.test(spec));
  if (bad) throw new InputError(`The input '${name}' takes one cache spec a line such as 'type=gha,scope=api', got '${shown(bad)}'.`);
  return specs;
}
function parseCommand(commandText) {
  if (!commandText) return void 0;
  let command;
  try {
    command = split(commandText);
  } catch {
    throw new InputError(`The input 'command' is not a valid shell-style command line (check its quotes).`);
  }
  return command.length === 0 ? void 0 : command;
}
function parseWebsocketSettings(get, read) {
  const websocketPath = get("websocket-path") || void 0;
  if (websocketPath !== void 0 && !websocketPath.startsWith("/")) {
    throw new InputError(`The input 'websocket-path' must start with '/', got '${websocketPath}'.`);
  }
  const websocketProtocol = parseEnum("websocket-protocol", get("websocket-protocol") || "websocket", ["websocket", "socket.io"]);
  const websocketSend = read("websocket-send") || void 0;
  const websocketExpect = read("websocket-expect") || void 0;
  if (!websocketPath && (websocketSend || websocketExpect)) {
    const name = websocketSend ? "websocket-send" : "websocket-expect";
    throw new InputError(`The input '${name}' needs 'websocket-path' to be set.`);
  }
  if (websocketExpect) {
    try {
      compileExpect(websocketExpect);
    } catch {
      throw new InputError(`The input 'websocket-expect' looks like a /regular expression/ but does not compile.`);
    }
  }
  if (websocketSend && websocketProtocol === "socket.io") {
    try {
      parseSocketIoSend(websocketSend);
    } catch {
      throw new InputError(`The input 'websocket-send' needs an event name for socket.io, e.g. 'echo:{"text":"hi"}'.`);
    }
  }
  return { websocketPath, websocketProtocol, websocketSend, websocketExpect };
}
function parseCommentSettings(get) {
  const comment = parseEnum("comment", get("comment") || "always", ["always", "on-failure", "never"]);
  const commentKey = get("comment-key") || void 0;
  if (commentKey && /-->|[\r\n]/.test(commentKey)) {
    throw new InputError(`The input 'comment-key' must be a single line without '-->'.`);
  }
  const prText = get("pr-number");
  const prNumber = prText ? parseInteger("pr-number", prText, 1, Number.MAX_SAFE_INTEGER) : void 0;
  return { comment, commentKey, prNumber, githubToken: get("github-token") || void 0 };
}
function parseContainerLimits(get) {
  const memory = get("memory") || void 0;
  if (memory && !MEMORY.test(memory)) {
    throw new InputError(`The input 'memory' must be a size such as '512m' or '1g', got '${memory}'.`);
  }
  const cpus = get("cpus") || void 0;
  if (cpus && !(Number(cpus) > 0)) throw new InputError(`The input 'cpus' must be a positive number such as '0.5', got '${cpus}'.`);
  const network = get("network") || void 0;
  if (network && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(network)) {
    throw new InputError(`The input 'network' must be a Docker network name or id, got '${network}'.`);
  }
  return { memory, cpus, network };
}

// src/report/markdown-safe.ts
var ZWJ = "\u200D";
var ANSI_CSI = /\x1b\[[0-?]*[ -/]*[@-~]/g;
var ANSI_OSC = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
var OUR_MARKER = /(<!--\s*gunicorn-smoke):/g;
function cutAt(text, max) {
  let end = max;
  const code2 = text.charCodeAt(end - 1);
  if (code2 >= 55296 && code2 <= 56319) end--;
  return text.slice(0, end);
}
function capLength(text, max) {
  if (text.length <= max) return text;
  return `${cutAt(text, max)} \u2026 [${text.length - max} more characters]`;
}
function sanitizeLogLine(text, maxLength) {
  let out = text;
  if (out.includes("\x1B")) out = out.replace(ANSI_OSC, "").replace(ANSI_CSI, "");
  out = out.replace(/\r/g, " ").replace(/\n/g, " ").replace(CONTROL, "");
  if (out.includes("gunicorn-smoke")) out = out.replace(OUR_MARKER, `$1${ZWJ}:`);
  return capLength(out.trimEnd(), maxLength);
}
function longestBacktickRun(text) {
  let longest = 0;
  let current = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 96) {
      current++;
      if (current > longest) longest = current;
    } else {
      current = 0;
    }
  }
  return longest;
}
function fenceFor(lines) {
  let longest = 0;
  for (const line of lines) {
    if (line.includes("`")) longest = Math.max(longest, longestBacktickRun(line));
  }
  return "`".repeat(Math.max(3, longest + 1));
}
function codeBlock(lines, info = "text") {
  const fence = fenceFor(lines);
  return `${fence}${info}
${lines.length > 0 ? lines.join("\n") + "\n" : ""}${fence}`;
}
function oneLine(text) {
  let out = text;
  if (out.includes("\x1B")) out = out.replace(ANSI_OSC, "").replace(ANSI_CSI, "");
  return out.replace(CONTROL, " ").replace(/\s+/g, " ");
}
function codeSpan(text, options = {}) {
  let content = oneLine(text);
  if (content.trim() === "") return "";
  const fence = "`".repeat(longestBacktickRun(content) + 1);
  if (content.startsWith("`") || content.endsWith("`") || content.startsWith(" ") && content.endsWith(" ")) {
    content = ` ${content} `;
  }
  if (options.inTable) content = content.replace(/\|/g, "\\|");
  return `${fence}${content}${fence}`;
}
var INLINE_SPECIAL = /[\\`*_[\]<>&|~!#$]/g;
function neutralizeReferences(text) {
  return text.replace(/@(?=[A-Za-z0-9])/g, `@${ZWJ}`).replace(/#(?=\d)/g, `#${ZWJ}`).replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`).replace(/\b(https?|ftp):\/\//gi, `$1:${ZWJ}//`).replace(/\bwww\./gi, `www${ZWJ}.`);
}
function escapeText(text, options = {}) {
  let out = neutralizeReferences(oneLine(text)).replace(INLINE_SPECIAL, "\\$&");
  if (options.atLineStart) {
    out = out.replace(/^(\s*)([-+=])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
  }
  return out;
}
function inlineMarkdown(text, options = {}) {
  const source = oneLine(text).trim();
  const parts = [];
  let plain2 = "";
  let i = 0;
  const flushPlain = () => {
    if (plain2 !== "") {
      parts.push(escapeText(plain2, { atLineStart: options.atLineStart === true && parts.length === 0 }));
    }
    plain2 = "";
  };
  while (i < source.length) {
    if (source[i] !== "`") {
      const next = source.indexOf("`", i);
      const end = next === -1 ? source.length : next;
      plain2 += source.slice(i, end);
      i = end;
      continue;
    }
    let runEnd = i;
    while (source[runEnd] === "`") runEnd++;
    const run = runEnd - i;
    let close = -1;
    for (let j = source.indexOf("`", runEnd); j !== -1; ) {
      let k = j;
      while (source[k] === "`") k++;
      if (k - j === run) {
        close = j;
        break;
      }
      j = source.indexOf("`", k);
    }
    if (close === -1) {
      plain2 += source.slice(i, runEnd);
      i = runEnd;
      continue;
    }
    const span = codeSpan(source.slice(runEnd, close).replace(/^ (.*[^ ].*) $/, "$1"), options);
    flushPlain();
    if (span !== "") parts.push(span);
    i = close + run;
  }
  flushPlain();
  return parts.join("");
}
function safeUrl(url) {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return void 0;
  return url.replace(/[()<>"'`\\]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"));
}
function encodeRepoPath(path15) {
  const segments = path15.split("/");
  if (path15.startsWith("/") || segments.some((s) => s === "" || s === "." || s === "..")) return void 0;
  return segments.map((s) => encodeURIComponent(s).replace(/[()'!*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())).join("/");
}

// src/report/format.ts
function formatDuration(ms) {
  if (!Number.isFinite(ms) || ms < 0) return "";
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(1)} s`;
  const minutes = Math.floor(ms / 6e4);
  const seconds = Math.round((ms - minutes * 6e4) / 1e3);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
function formatCount(n) {
  return n.toLocaleString("en-US");
}
function plural(n, one, many = `${one}s`) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
var STATUS_ICONS = {
  pass: "\u2705",
  fail: "\u274C",
  skipped: "\u2796",
  "not-reached": "\u23ED\uFE0F"
};
function describeExitCode(code2) {
  switch (code2) {
    case 1:
      return "configuration, bind or worker-class error, or a failed preload";
    case 2:
      return "invalid command-line arguments";
    case 3:
      return "Worker failed to boot";
    case 4:
      return "App failed to load";
    case 137:
      return "killed with SIGKILL, often out of memory";
    case 139:
      return "segmentation fault";
    default:
      return void 0;
  }
}
function runLinks(metadata) {
  const server = metadata.serverUrl ? safeUrl(metadata.serverUrl.replace(/\/+$/, "")) : void 0;
  const repository = metadata.repository && /^[\w.-]+\/[\w.-]+$/.test(metadata.repository) ? metadata.repository : void 0;
  const sha = metadata.sha && /^[0-9a-f]{7,64}$/i.test(metadata.sha) ? metadata.sha : void 0;
  const runId = metadata.runId && /^\d+$/.test(metadata.runId) ? metadata.runId : void 0;
  const base = server && repository ? `${server}/${repository}` : void 0;
  return {
    runUrl: base && runId ? `${base}/actions/runs/${runId}` : void 0,
    commitUrl: base && sha ? `${base}/commit/${sha}` : void 0,
    shortSha: sha?.slice(0, 7),
    fileUrl(file, line) {
      if (!base || !sha) return void 0;
      const path15 = encodeRepoPath(file);
      if (!path15) return void 0;
      return `${base}/blob/${sha}/${path15}${line && line > 0 ? `#L${line}` : ""}`;
    }
  };
}

// src/report/log-excerpt.ts
var GUNICORN_PREFIX = /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\] \[\d+\] \[[A-Z]+\] /;
var TRACEBACK_START = /Traceback \(most recent call last\):/;
var EXCEPTION_LINE = /^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning)\b|^[\w.]+: /;
function lineNumberOf(index, logLength, totalLines) {
  return Math.max(totalLines, logLength) - logLength + index + 1;
}
function findCauseExcerpt(log, evidence, totalLines, options) {
  const needles = evidence.map((e) => e.trim()).filter((e) => e.length >= 4);
  if (needles.length === 0 || log.length === 0) return void 0;
  const preferred = needles.filter((n) => !GUNICORN_PREFIX.test(n));
  const anchor = firstIndexMatching(log, preferred.length > 0 ? preferred : needles);
  if (anchor === -1) return void 0;
  let start = anchor;
  for (let i = anchor; i >= Math.max(0, anchor - 300); i--) {
    if (TRACEBACK_START.test(log[i].text)) {
      start = i;
      break;
    }
  }
  if (start === anchor) start = Math.max(0, anchor - 3);
  if (start > 0 && GUNICORN_PREFIX.test(log[start - 1].text)) start--;
  let end = anchor;
  while (end + 1 < log.length && end - anchor < 20 && !GUNICORN_PREFIX.test(log[end + 1].text)) {
    const next = log[end + 1].text;
    if (TRACEBACK_START.test(next) && end > anchor) break;
    end++;
  }
  if (EXCEPTION_LINE.test(log[anchor].text.trim()) && end > anchor && log[end].text.trim() === "") end--;
  const all = log.slice(start, end + 1).map((l) => sanitizeLogLine(l.text, options.maxLineLength));
  let lines = all;
  let omitted = 0;
  let elisionAt;
  if (all.length > options.maxLines) {
    const head = Math.min(2, Math.floor(options.maxLines / 4));
    const tail = options.maxLines - head - 1;
    omitted = all.length - head - tail;
    elisionAt = head;
    lines = [...all.slice(0, head), `\u2026 ${omitted} lines omitted \u2026`, ...all.slice(all.length - tail)];
  }
  return {
    firstLine: lineNumberOf(start, log.length, totalLines),
    lastLine: lineNumberOf(end, log.length, totalLines),
    lines,
    omitted,
    elisionAt
  };
}
function firstIndexMatching(log, needles) {
  for (let i = 0; i < log.length; i++) {
    const text = log[i].text;
    for (const needle of needles) if (text.includes(needle)) return i;
  }
  return -1;
}
function fitTail(source, budget, options) {
  const kept = [];
  let used = options.overhead;
  let fence = 3;
  for (let i = source.length - 1; i >= 0 && kept.length < options.maxLines; i--) {
    const line = sanitizeLogLine(source[i].text, options.maxLineLength);
    const lineFence = line.includes("`") ? fenceFor([line]).length : 3;
    const fenceGrowth = Math.max(0, lineFence - fence) * 2;
    const cost = options.measure(line) + 1 + fenceGrowth;
    if (used + cost > budget) break;
    used += cost;
    fence = Math.max(fence, lineFence);
    kept.push(line);
  }
  kept.reverse();
  return { lines: kept, dropped: source.length - kept.length };
}
function shrinkExcerpt(excerpt3, budget, measure, overhead, minLines = 4) {
  const cost = (lines2) => overhead + fenceFor(lines2).length * 2 + measure(lines2.join("\n")) + 1;
  let dropped = 0;
  while (excerpt3.lines.length - dropped > minLines && cost(excerpt3.lines.slice(dropped)) > budget) {
    dropped += Math.max(1, Math.ceil((excerpt3.lines.length - dropped) / 8));
    dropped = Math.min(dropped, excerpt3.lines.length - minLines);
  }
  const lines = excerpt3.lines.slice(dropped);
  if (cost(lines) > budget) return void 0;
  if (dropped === 0) return excerpt3;
  const { elisionAt } = excerpt3;
  if (elisionAt !== void 0 && dropped > elisionAt) {
    const firstLine2 = excerpt3.firstLine + dropped - 1 + excerpt3.omitted;
    return { ...excerpt3, lines, firstLine: firstLine2, omitted: 0, elisionAt: void 0 };
  }
  const shifted = elisionAt === void 0 ? void 0 : elisionAt - dropped;
  return { ...excerpt3, lines, firstLine: excerpt3.firstLine + dropped, elisionAt: shifted };
}

// src/report/marker.ts
import { createHash } from "node:crypto";
var MAX_KEY_LENGTH = 120;
function sanitizeCommentKey(key) {
  let clean = key.trim().replace(/[^A-Za-z0-9._/:+=-]+/g, "-").replace(/-{2,}/g, "-").replace(/-*\/-*/g, "/").replace(/^[-/]+|[-/]+$/g, "");
  if (clean === "") clean = "default";
  if (clean.length > MAX_KEY_LENGTH) {
    const hash = createHash("sha256").update(key).digest("hex").slice(0, 10);
    clean = `${clean.slice(0, MAX_KEY_LENGTH - 11).replace(/-+$/, "")}-${hash}`;
  }
  return clean;
}
function commentMarker(key) {
  return `<!-- gunicorn-smoke:${sanitizeCommentKey(key)} -->`;
}

// src/diagnosis/rules/build.ts
import path8 from "node:path";

// src/docker/build-output.ts
var ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
var NOISE = [
  /^DEPRECATED: The legacy builder/,
  /^\s+Install the buildx component/,
  /^\s+https:\/\/docs\.docker\.com\/go\/buildx/,
  /^\s+BuildKit is currently disabled; enable it/,
  /^\s+environment-variable\.$/
];
function stripAnsi(text) {
  return text.replace(ANSI, "");
}
function parseBuildFailure(rawLines, dockerfileText) {
  const lines = rawLines.map((line) => stripAnsi(line).replace(/\r$/, "")).filter((line) => !NOISE.some((re) => re.test(line)));
  const failure = lines.some((line) => /^#\d+ /.test(line) || /^ERROR: failed to (solve|build)/.test(line)) ? parseBuildKit(lines) : lines.some((line) => /^Step \d+\/\d+ : /.test(line)) ? parseLegacy(lines) : parseUnknown(lines);
  failure.baseImage = failure.format === "legacy" ? legacyBaseImage(lines) : failure.format === "buildkit" ? buildKitBaseImage(lines) : void 0;
  if (failure.dockerfileLine === void 0 && failure.instruction && dockerfileText) {
    failure.dockerfileLine = findInstructionLine(dockerfileText, failure.instruction);
  }
  return failure;
}
function parseLegacy(lines) {
  let instruction;
  let stepPosition;
  let stepStart = 0;
  lines.forEach((line, index) => {
    const step = line.match(/^Step (\d+\/\d+) : (.*)$/);
    if (step) {
      stepPosition = step[1];
      instruction = step[2];
      stepStart = index + 1;
    }
  });
  const errorIndex = findLastIndex(lines, (line) => /^The command '.*' returned a non-zero code: \d+/.test(line));
  let message;
  let exitCode;
  let outputEnd = lines.length;
  if (errorIndex >= 0) {
    message = lines[errorIndex];
    exitCode = Number(message.match(/non-zero code: (\d+)/)?.[1]);
    outputEnd = errorIndex;
  } else {
    const lastError = findLastIndex(lines, (line) => /failed|error|unable to|not found/i.test(line) && !/^ ---> /.test(line));
    message = lastError >= 0 ? lines[lastError] : lines.filter(Boolean).pop() ?? "the build failed";
    if (lastError >= stepStart) outputEnd = lastError;
  }
  const stepOutput = lines.slice(stepStart, outputEnd).filter((line) => !/^ ---> |^Removing intermediate container /.test(line) && line.trim() !== "");
  return { format: "legacy", instruction, stepPosition, exitCode, message: message.trim(), outputTail: stepOutput.slice(-30), stepOutput };
}
function parseBuildKit(lines) {
  const errorLine = [...lines].reverse().find((line) => /^ERROR: /.test(line)) ?? lines.filter(Boolean).pop() ?? "the build failed";
  const message = errorLine.replace(/^ERROR: /, "").replace(/^failed to build: /, "");
  const exitCode = numberOrUndefined(message.match(/exit code: (\d+)/)?.[1]);
  let instruction;
  let stepPosition;
  let outputTail = [];
  const headerIndex = findLastIndex(lines, (line) => /^ > \[.*\] /.test(line));
  if (headerIndex >= 0) {
    const header = lines[headerIndex].match(/^ > \[(?:[^\]]*?\s)?(\d+\/\d+)\] (.*?):?$/);
    if (header) {
      stepPosition = header[1];
      instruction = header[2];
    } else {
      instruction = lines[headerIndex].replace(/^ > \[[^\]]*\] /, "").replace(/:$/, "");
    }
    for (let i = headerIndex + 1; i < lines.length && !/^-{6}/.test(lines[i]); i++) {
      outputTail.push(lines[i].replace(/^\d+(\.\d+)? /, ""));
    }
  } else {
    const failedStep = lines.find((line) => /^#\d+ ERROR: /.test(line))?.match(/^#(\d+) /)?.[1];
    const title = lines.find((line) => line.startsWith(`#${failedStep} [`))?.slice(`#${failedStep} `.length).match(/^\[(?:[^\]]*?\s)?(\d+\/\d+)\] (.*)$/);
    if (title) {
      stepPosition = title[1];
      instruction = title[2];
    }
    outputTail = failedStepOutput(lines);
  }
  if (!instruction) {
    const processMatch = message.match(/process "\/bin\/sh -c (.*)" did not complete/);
    if (processMatch) instruction = `RUN ${processMatch[1]}`;
  }
  const lineMarker = lines.find((line) => /^Dockerfile(\.[\w.-]+)?:\d+$/.test(line.trim()));
  const dockerfileLine = numberOrUndefined(lineMarker?.trim().match(/:(\d+)$/)?.[1]);
  const stepOutput = failedStepOutput(lines);
  return {
    format: "buildkit",
    instruction,
    stepPosition,
    exitCode,
    message,
    dockerfileLine,
    outputTail: outputTail.slice(-30),
    stepOutput: stepOutput.length > 0 ? stepOutput : outputTail
  };
}
function failedStepOutput(lines) {
  const failedStep = lines.find((line) => /^#\d+ ERROR: /.test(line))?.match(/^#(\d+) /)?.[1];
  if (!failedStep) return [];
  const prefix = `#${failedStep} `;
  return lines.filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length)).filter((line) => /^\d+(\.\d+)? /.test(line)).map((line) => line.replace(/^\d+(\.\d+)? /, ""));
}
function parseUnknown(lines) {
  const meaningful = lines.filter((line) => line.trim() !== "");
  return {
    format: "unknown",
    message: meaningful[meaningful.length - 1] ?? "the build failed",
    outputTail: meaningful.slice(-30),
    stepOutput: meaningful
  };
}
function legacyBaseImage(lines) {
  const from = findLastIndex(lines, (line) => /^Step \d+\/\d+ : FROM /i.test(line));
  return from >= 0 ? lines[from + 1]?.match(/^ ---> ([0-9a-f]{12,})$/)?.[1] : void 0;
}
function buildKitBaseImage(lines) {
  const failedStep = lines.find((line) => /^#\d+ ERROR: /.test(line))?.match(/^#(\d+) /)?.[1];
  const failing = [...lines].reverse().find((line) => /^ > \[/.test(line)) ?? lines.find((line) => line.startsWith(`#${failedStep} [`));
  const stage = failing?.match(/\[(?:(\S+) )?\d+\/\d+\]/)?.[1];
  const from = lines.map((line) => line.match(/^#\d+ \[(?:(\S+) )?1\/\d+\] FROM (\S+)/)).filter((match) => Boolean(match)).find((match) => match[1] === stage);
  return from?.[2].replace(/@sha256:[0-9a-f]+$/, "");
}
function findInstructionLine(dockerfileText, instruction) {
  const wanted = normalize(instruction);
  const lines = dockerfileText.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim() || lines[i].trim().startsWith("#")) continue;
    let joined = lines[i];
    let j = i;
    while (/\\\s*$/.test(joined) && j + 1 < lines.length) {
      joined = joined.replace(/\\\s*$/, " ") + lines[++j];
    }
    if (normalize(joined) === wanted) return i + 1;
  }
  const keyword = wanted.split(" ")[0];
  const head = wanted.slice(0, 40);
  const index = lines.findIndex((line) => normalize(line).startsWith(head) && normalize(line).startsWith(keyword));
  return index >= 0 ? index + 1 : void 0;
}
function normalize(text) {
  return text.replace(/\s+/g, " ").trim().replace(/^(\w+)/, (word) => word.toUpperCase());
}
function findLastIndex(items, predicate) {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
  return -1;
}
function numberOrUndefined(text) {
  return text === void 0 ? void 0 : Number(text);
}
function buildRemedy(failure) {
  const text = [failure.message, ...failure.outputTail].join("\n");
  if (/pip: not found|No module named pip/.test(text)) {
    return "The base image has no pip: start from an official Python image (python:3.x-slim) or install pip before this step.";
  }
  if (/No matching distribution found for ([^\s]+)/.test(text)) {
    const name = text.match(/No matching distribution found for ([^\s]+)/)?.[1];
    return `pip could not find \`${name}\`: check its name and version pin in the requirements file, and that it supports this Python version.`;
  }
  if (/COPY failed|failed to compute cache key|not found in build context|"\/[^"]+": not found/.test(text)) {
    return "A file the Dockerfile copies is not in the build context: check the path, the `context` input and `.dockerignore`.";
  }
  if (/pull access denied|manifest unknown|not found: manifest|failed to resolve source metadata|registry-1\.docker\.io|dial tcp|no such host/.test(
    text
  ) || failure.instruction?.startsWith("FROM")) {
    return "The base image could not be pulled: check its name and tag, and registry credentials for private images.";
  }
  if (/unknown instruction|dockerfile parse error|failed to parse/i.test(text)) {
    return "The Dockerfile does not parse: fix the instruction on the line shown.";
  }
  if (failure.instruction?.startsWith("RUN")) {
    return `Fix the command of this \`RUN\` step; its last output lines are shown above.`;
  }
  return "Fix the Dockerfile step shown; the builder output is in the job log.";
}

// src/paths.ts
import path5 from "node:path";
function repoRelative(root, file) {
  return path5.relative(root, file).split(path5.sep).join("/") || ".";
}

// src/diagnosis/build-context.ts
import fs3 from "node:fs";
import path6 from "node:path";

// src/diagnosis/closest.ts
function editDistance(a, b) {
  const x = a.toLowerCase().replace(/[_.]/g, "-");
  const y = b.toLowerCase().replace(/[_.]/g, "-");
  let twoBack = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1);
      const swap = i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1] ? twoBack[j - 2] + 1 : Infinity;
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution, swap));
    }
    twoBack = previous;
    previous = current;
  }
  return previous[y.length];
}
function closestName(word, candidates) {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance === 0 || distance > limit) continue;
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best?.name;
}
var WELL_KNOWN_PACKAGES = [
  "gunicorn",
  "gevent",
  "greenlet",
  "gevent-websocket",
  "eventlet",
  "uvicorn",
  "uvicorn-worker",
  "flask",
  "flask-socketio",
  "flask-sqlalchemy",
  "flask-cors",
  "flask-login",
  "flask-migrate",
  "django",
  "djangorestframework",
  "django-environ",
  "django-cors-headers",
  "fastapi",
  "starlette",
  "pydantic",
  "sqlalchemy",
  "alembic",
  "psycopg2",
  "psycopg2-binary",
  "psycopg",
  "asyncpg",
  "mysqlclient",
  "pymysql",
  "redis",
  "celery",
  "kombu",
  "requests",
  "httpx",
  "aiohttp",
  "urllib3",
  "certifi",
  "websockets",
  "python-socketio",
  "python-engineio",
  "python-dotenv",
  "python-dateutil",
  "pyyaml",
  "jinja2",
  "werkzeug",
  "itsdangerous",
  "click",
  "markupsafe",
  "numpy",
  "pandas",
  "pillow",
  "boto3",
  "botocore",
  "cryptography",
  "pyjwt",
  "bcrypt",
  "sentry-sdk",
  "whitenoise",
  "setuptools",
  "wheel",
  "six",
  "attrs",
  "orjson",
  "ujson",
  "lxml"
];

// src/diagnosis/build-context.ts
function dockerignoreLine(contextDir, relPath) {
  let text;
  try {
    text = fs3.readFileSync(path6.join(contextDir, ".dockerignore"), "utf8");
  } catch {
    return void 0;
  }
  let excludedBy;
  text.split(/\r?\n/).forEach((raw, index) => {
    const pattern = raw.trim();
    if (!pattern || pattern.startsWith("#")) return;
    const negated = pattern.startsWith("!");
    if (!matchesPathOrParent(negated ? pattern.slice(1) : pattern, relPath)) return;
    excludedBy = negated ? void 0 : { line: index + 1, pattern };
  });
  return excludedBy;
}
function matchesPathOrParent(pattern, relPath) {
  const cleaned = path6.posix.normalize(pattern.replace(/^\/+/, "").replace(/\/+$/, ""));
  const source = cleaned.split("**").map(
    (part) => part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")
  ).join(".*");
  const regex = new RegExp(`^${source}$`);
  const parts = relPath.split("/");
  return parts.some((_, i) => regex.test(parts.slice(0, i + 1).join("/")));
}
function closestExistingFile(contextDir, relPath) {
  const dir = path6.posix.dirname(relPath);
  const names = (sub) => {
    try {
      return fs3.readdirSync(path6.join(contextDir, sub));
    } catch {
      return [];
    }
  };
  const nearby = closestName(path6.posix.basename(relPath), names(dir));
  if (nearby) return dir === "." ? nearby : `${dir}/${nearby}`;
  return dir === "." ? void 0 : closestName(path6.posix.basename(relPath), names("."));
}
function existsInContext(contextDir, relPath) {
  return fs3.existsSync(path6.join(contextDir, relPath));
}

// src/diagnosis/native-deps.ts
var APT_FOR_MISSING = [
  { match: /^(gcc|cc|g\+\+|clang)$/, apt: ["build-essential"] },
  { match: /^Python\.h$/, apt: ["python3-dev"] },
  { match: /^(libpq-fe\.h|pg_config)$/, apt: ["libpq-dev"] },
  { match: /^ffi\.h$/, apt: ["libffi-dev"] },
  { match: /^openssl\//, apt: ["libssl-dev"] },
  { match: /^(mysql_config|mysql\.h|mysql\/.*)$/, apt: ["default-libmysqlclient-dev", "pkg-config"] },
  { match: /^pkg-config$/, apt: ["pkg-config"] },
  { match: /^libxml\/|^libxslt\//, apt: ["libxml2-dev", "libxslt1-dev"] },
  { match: /^jpeglib\.h$/, apt: ["libjpeg-dev"] },
  { match: /^zlib\.h$/, apt: ["zlib1g-dev"] },
  { match: /^rustc$/, apt: ["cargo"] }
];
var APT_FOR_PACKAGE = {
  psycopg2: ["libpq-dev"],
  mysqlclient: ["default-libmysqlclient-dev", "pkg-config"],
  lxml: ["libxml2-dev", "libxslt1-dev"],
  cffi: ["libffi-dev"],
  cryptography: ["libssl-dev", "cargo"],
  pillow: ["libjpeg-dev", "zlib1g-dev"]
};
var BINARY_ALTERNATIVE = {
  psycopg2: "psycopg2-binary",
  mysqlclient: "PyMySQL (pure Python)",
  "python-levenshtein": "rapidfuzz"
};
var DEBIAN_NAME = {
  "python-dev": "python3-dev",
  "python3-devel": "python3-dev",
  "python-devel": "python3-dev",
  "gcc-c++": "g++",
  "postgresql-devel": "libpq-dev",
  "libpq-devel": "libpq-dev",
  "openssl-devel": "libssl-dev",
  "libffi-devel": "libffi-dev",
  "mysql-devel": "default-libmysqlclient-dev",
  "build-base": "build-essential",
  "postgresql-dev": "libpq-dev",
  "libressl-dev": "libssl-dev",
  "libmysqlclient-dev": "default-libmysqlclient-dev"
};
function debianNameFor(name) {
  return DEBIAN_NAME[name] ?? (/-devel$/.test(name) ? name.replace(/-devel$/, "-dev") : void 0);
}

// src/diagnosis/pip-output.ts
var NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)/;
function parseConflict(lines) {
  const start = lines.findIndex((line) => /^The conflict is caused by:/.test(line.trim()));
  if (start < 0) return void 0;
  const headline2 = lines.find((line) => /ERROR: Cannot install .* conflicting dependencies/.test(line))?.trim() ?? lines[start].trim();
  const conflict = { requested: [], clashes: [], headline: headline2 };
  for (const raw of lines.slice(start + 1)) {
    const line = raw.trim();
    if (!line) {
      if (conflict.requested.length + conflict.clashes.length > 0) break;
      continue;
    }
    const requested = line.match(/^The user requested (\(constraint\) )?(\S+)/);
    const depends = line.match(/^(\S+) (\S+) depends on (\S+)/);
    if (requested)
      conflict.requested.push({ requirement: requested[2], name: requested[2].match(NAME)?.[1] ?? requested[2], constraint: !!requested[1] });
    else if (depends)
      conflict.clashes.push({
        dependent: depends[1],
        dependentVersion: depends[2],
        requirement: depends[3],
        target: depends[3].match(NAME)?.[1] ?? depends[3]
      });
    else break;
  }
  return conflict.clashes.length > 0 ? conflict : void 0;
}
function parseNotFound(lines) {
  const differentPython = lines.map((line) => line.match(/ERROR: Package '([^']+)' requires a different Python: (\S+) not in '([^']+)'/)).find(Boolean);
  if (differentPython) {
    const [line, name, pythonVersion, requiresPython] = differentPython;
    return { requirement: name, name, versions: [], otherPython: { pythonVersion, requiresPython }, evidence: [line.trim()] };
  }
  const index = lines.findIndex((line) => /Could not find a version that satisfies the requirement/.test(line));
  if (index < 0) return void 0;
  const match = lines[index].match(/satisfies the requirement (\S+)(?: \(from versions: ([^)]*)\))?/);
  if (!match) return void 0;
  const requirement = match[1];
  const versions = (match[2] ?? "").split(",").map((v) => v.trim()).filter((v) => v && v !== "none");
  const ignoredLine = lines.find((line) => /Ignored the following versions that require a different python version/.test(line));
  const ignored = ignoredLine?.match(/Requires-Python ([^;,]+)/)?.[1]?.trim();
  const evidence = [ignoredLine, lines[index], lines.find((line) => /No matching distribution found/.test(line))].filter((line) => Boolean(line)).map((line) => line.trim());
  return {
    requirement,
    name: requirement.match(NAME)?.[1] ?? requirement,
    versions,
    otherPython: ignored ? { requiresPython: ignored } : void 0,
    evidence
  };
}
var MISSING_TOOLS = [
  { pattern: /fatal error: ([\w./-]+\.h): No such file or directory/, missing: (m) => m[1] },
  { pattern: /command '(?:[\w-]*-)?(gcc|g\+\+|cc|clang)' failed: No such file or directory/, missing: (m) => m[1] },
  { pattern: /No such file or directory: '(?:[\w-]*-)?(gcc|g\+\+|cc|clang)'/, missing: (m) => m[1] },
  { pattern: /\b(gcc|cc|g\+\+): (?:command )?not found/, missing: (m) => m[1] },
  { pattern: /(pg_config) executable not found/, missing: (m) => m[1] },
  { pattern: /(mysql_config|pkg-config)[: ].*not found/, missing: (m) => m[1] },
  { pattern: /can't find Rust compiler|(cargo|rustc).*not found/, missing: () => "rustc" }
];
function parseNativeBuildFailure(lines) {
  const failed2 = lines.map(
    (line) => line.match(
      /Failed building wheel for ([^\s:]+)|Running setup\.py install for ([^\s:]+):? (?:\.\.\. |finished with status ')error|Building wheel for (\S+) \(.*\)(?::| \.\.\.) (?:finished with status ')?error/
    )
  ).find(Boolean);
  const encountered = lines.findIndex((line) => /Encountered error while (trying to install|generating) package/.test(line));
  const packageName = failed2?.slice(1).find(Boolean) ?? (encountered >= 0 ? lines[encountered + 1]?.replace(/^\s*╰─>\s*/, "").trim() : void 0);
  if (!packageName || !lines.some((line) => /subprocess-exited-with-error|Failed building wheel|legacy-install-failure/.test(line))) return void 0;
  const evidence = failed2 ? [failed2[0]] : [];
  let missing;
  for (const { pattern, missing: name } of MISSING_TOOLS) {
    const hit = lines.map((line) => line.match(pattern)).find(Boolean);
    if (hit) {
      missing = name(hit);
      evidence.unshift(hit.input.trim());
      break;
    }
  }
  return { packageName, missing, evidence };
}
function pythonVersionUnstated(lines) {
  return lines.some((line) => /Ignored the following versions that require a different python version/.test(line)) && !lines.some((line) => /requires a different Python: \S+ not in/.test(line));
}

// src/diagnosis/requirements.ts
import fs4 from "node:fs";
import path7 from "node:path";
var INCLUDE = /^(-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/;
var NAME2 = /^([A-Za-z0-9][A-Za-z0-9._-]*)/;
function normalizeName(name) {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
function readPins(file, constraint = false, seen = /* @__PURE__ */ new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  let text;
  try {
    text = fs4.readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const pins = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    const include = line.match(INCLUDE);
    if (include) {
      const isConstraint = constraint || include[1] === "-c" || include[1] === "--constraint";
      pins.push(...readPins(path7.resolve(path7.dirname(file), include[2]), isConstraint, seen));
      return;
    }
    const name = line.startsWith("-") ? void 0 : line.match(NAME2)?.[1];
    if (name) pins.push({ name, requirement: line, file, line: index + 1, constraint });
  });
  return pins;
}
function pinsOf(pins, name) {
  const wanted = normalizeName(name);
  return pins.filter((pin) => normalizeName(pin.name) === wanted).sort((a, b) => Number(a.constraint) - Number(b.constraint));
}
function requirementFilesOf(instruction, contextDir) {
  const files = [];
  for (const match of instruction.matchAll(/(?:^|\s)(?:-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/g)) {
    const written = match[1].replace(/^['"]|['"]$/g, "");
    const candidates = [path7.resolve(contextDir, written.replace(/^\/+/, "")), path7.resolve(contextDir, path7.basename(written))];
    const found = candidates.find((candidate) => fs4.existsSync(candidate));
    if (found && !files.includes(found)) files.push(found);
  }
  return files;
}

// src/diagnosis/words.ts
var code = (text) => `\`${String(text).replace(/`/g, "'")}\``;
var fileLine = (location) => `${location.file}:${location.line}`;
var where = (location) => location ? ` (${code(fileLine(location))})` : "";
function present(...lines) {
  return lines.filter((line) => Boolean(line));
}

// src/diagnosis/rules/rule.ts
var LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)(:|$)/;
function exceptionIs(tb, ...types) {
  const last = tb.exception.type.slice(tb.exception.type.lastIndexOf(".") + 1);
  return types.includes(last);
}

// src/diagnosis/rules/build.ts
var rel = (ctx, file) => repoRelative(ctx.workspace, file);
var dockerfileAt = (ctx) => ctx.failure.dockerfileLine ? { file: rel(ctx, ctx.dockerfile), line: ctx.failure.dockerfileLine } : void 0;
var pinLocation = (ctx, pin) => pin ? { file: rel(ctx, pin.file), line: pin.line } : void 0;
var withPointers = (diagnosis, ...pointers) => {
  const present2 = pointers.filter((p) => Boolean(p));
  return { ...diagnosis, location: diagnosis.location ?? present2[0], pointers: present2 };
};
function pinsFor(ctx) {
  return requirementFilesOf(ctx.failure.instruction ?? "", ctx.contextDir).flatMap((file) => readPins(file));
}
var dependencyConflict = {
  reason: "dependency-conflict",
  explain(ctx) {
    const conflict = parseConflict(ctx.failure.stepOutput);
    if (!conflict) return void 0;
    const pins = pinsFor(ctx);
    const requestedNames = new Set(conflict.requested.map((r) => normalizeName(r.name)));
    const clash = conflict.clashes.find((c) => requestedNames.has(normalizeName(c.target))) ?? conflict.clashes[0];
    const dependentPin = pinsOf(pins, clash.dependent)[0];
    const targetPin = pinsOf(pins, clash.target)[0];
    const targetRequested = conflict.requested.find((r) => normalizeName(r.name) === normalizeName(clash.target))?.requirement;
    const dependentShown = dependentPin?.requirement ?? `${clash.dependent}==${clash.dependentVersion}`;
    const targetShown = targetPin?.requirement ?? targetRequested ?? clash.target;
    const dependentAt = pinLocation(ctx, dependentPin);
    const targetAt = pinLocation(ctx, targetPin);
    const lines = [dependentAt, targetAt].filter((l) => Boolean(l)).map((l) => code(fileLine(l)));
    return withPointers(
      {
        reason: "dependency-conflict",
        summary: `${code(dependentShown)}${where(dependentAt)} cannot be installed together with ${code(targetShown)}${where(targetAt)}: ${clash.dependent} ${clash.dependentVersion} requires ${code(clash.requirement)}.`,
        evidence: present(
          conflict.headline,
          "The conflict is caused by:",
          ...conflict.clashes.map((c) => `${c.dependent} ${c.dependentVersion} depends on ${c.requirement}`),
          ...conflict.requested.map((r) => `The user requested ${r.constraint ? "(constraint) " : ""}${r.requirement}`)
        ),
        remedy: `Move the pins together: pin ${code(clash.target)} to a version that satisfies ${code(clash.requirement)}, or pin the ${code(clash.dependent)} release that works with ${code(targetShown)}` + (lines.length > 0 ? `, changing ${lines.join(" and ")} in the same commit.` : ", in the same commit.")
      },
      dependentAt,
      targetAt
    );
  }
};
var packageNotFound = {
  reason: "package-not-found",
  explain(ctx) {
    const notFound = parseNotFound(ctx.failure.stepOutput);
    if (!notFound) return void 0;
    const pin = pinsOf(pinsFor(ctx), notFound.name)[0];
    const at = pinLocation(ctx, pin);
    const shown2 = code(pin?.requirement ?? notFound.requirement);
    let summary2;
    let remedy;
    if (notFound.otherPython) {
      const version = notFound.otherPython.pythonVersion ?? ctx.pythonVersion;
      const python = version ? `this image's Python ${version}` : "this image's Python";
      summary2 = `${shown2}${where(at)} exists only for other Pythons: it requires Python ${code(notFound.otherPython.requiresPython)}, not ${python}.`;
      remedy = `Pin a ${code(notFound.name)} release that supports ${python}, or build FROM a Python that satisfies ${code(notFound.otherPython.requiresPython)}.`;
    } else if (notFound.versions.length > 0) {
      const listed = notFound.versions.slice(-8).join(", ");
      summary2 = `${shown2}${where(at)}: that version of ${code(notFound.name)} does not exist (pip found ${listed}).`;
      remedy = `Pin one of the versions pip found, e.g. ${code(`${notFound.name}==${notFound.versions[notFound.versions.length - 1]}`)}.`;
    } else {
      const guess = closestName(
        notFound.name,
        [...WELL_KNOWN_PACKAGES, ...pinsFor(ctx).map((p) => p.name)].filter((n) => normalizeName(n) !== normalizeName(notFound.name))
      );
      summary2 = `${shown2}${where(at)}: pip found no package named ${code(notFound.name)}${guess ? ` \u2014 did you mean ${code(guess)}?` : "."}`;
      remedy = guess ? `Correct the name to ${code(guess)} (the version pin stays as it is if that release exists).` : `Check the package name on PyPI (or in the index the build uses) and correct it.`;
    }
    return withPointers({ reason: "package-not-found", summary: summary2, evidence: notFound.evidence, remedy }, at ?? dockerfileAt(ctx));
  }
};
var nativeBuildFailed = {
  reason: "native-build-failed",
  explain(ctx) {
    const native = parseNativeBuildFailure(ctx.failure.stepOutput);
    if (!native) return void 0;
    const name = normalizeName(native.packageName);
    const apt = [
      .../* @__PURE__ */ new Set([
        ...APT_FOR_MISSING.find((entry) => native.missing && entry.match.test(native.missing))?.apt ?? ["build-essential"],
        ...APT_FOR_PACKAGE[name] ?? []
      ])
    ];
    if (!apt.includes("python3-dev") && ctx.failure.stepOutput.some((line) => /-I\/usr\/include\/python3/.test(line))) apt.push("python3-dev");
    const dockerfile = dockerfileAt(ctx);
    const binary = BINARY_ALTERNATIVE[name];
    const install = `RUN apt-get update && apt-get install -y --no-install-recommends ${apt.join(" ")}`;
    const before = dockerfile ? ` before ${code(fileLine(dockerfile))}` : "";
    const pin = pinLocation(ctx, pinsOf(pinsFor(ctx), native.packageName)[0]);
    return withPointers(
      {
        reason: "native-build-failed",
        summary: `${code(native.packageName)} had to be compiled from source and its build failed` + (native.missing ? `: ${code(native.missing)} is missing from the image.` : "."),
        evidence: present(...native.evidence),
        remedy: `Add ${code(install)} to the Dockerfile${before}` + (binary ? `, or install ${code(binary)} instead of ${code(native.packageName)} (a prebuilt wheel, no compiler needed).` : ", or pin a release that ships a wheel for this Python.")
      },
      dockerfile,
      pin
    );
  }
};
var buildFileMissing = {
  reason: "build-file-missing",
  explain(ctx) {
    const text = [ctx.failure.message, ...ctx.failure.stepOutput].join("\n");
    const match = text.match(/stat ([^:\n]+): file does not exist/) ?? text.match(/"\/?([^"\n]+)"(?::)? not found/);
    if (!match || !/^(COPY|ADD)\b/i.test(ctx.failure.instruction ?? "")) return void 0;
    const file = path8.posix.normalize(match[1].replace(/^\/+/, ""));
    const dockerfile = dockerfileAt(ctx) ?? lineOf(ctx);
    const contextRel = rel(ctx, ctx.contextDir);
    const inContext = contextRel === "." ? "the build context" : `the build context ${code(contextRel)}`;
    const ignored = existsInContext(ctx.contextDir, file) ? dockerignoreLine(ctx.contextDir, file) : void 0;
    const ignoreAt = ignored ? { file: rel(ctx, path8.join(ctx.contextDir, ".dockerignore")), line: ignored.line } : void 0;
    const renamed = ignored ? void 0 : closestExistingFile(ctx.contextDir, file);
    const step = code(clip(ctx.failure.instruction ?? "COPY", 80));
    const summary2 = ignoreAt ? `${step} copies ${code(file)}, which ${code(".dockerignore")} excludes (${code(ignored.pattern)}, ${code(fileLine(ignoreAt))}).` : `${step} copies ${code(file)}, which is not in ${inContext}${renamed ? ` \u2014 the closest name there is ${code(renamed)}` : ""}.`;
    const remedy = ignoreAt ? `Remove or narrow the ${code(ignored.pattern)} line of ${code(".dockerignore")} (or add ${code(`!${file}`)} after it) so the file reaches the build.` : renamed ? `Copy ${code(renamed)} (or rename it back to ${code(file)}).` : `Commit ${code(file)}, or fix the path in the Dockerfile; paths are relative to ${inContext}.`;
    return withPointers({ reason: "build-file-missing", summary: summary2, evidence: present(match[0], ctx.failure.message), remedy }, dockerfile, ignoreAt);
  }
};
var aptPackageNotFound = {
  reason: "apt-package-not-found",
  explain(ctx) {
    const hit = ctx.failure.stepOutput.map((line) => line.match(/E: (?:Unable to locate package (\S+)|Package '?([^' ]+)'? has no installation candidate)/)).find(Boolean);
    if (!hit) return void 0;
    const name = hit[1] ?? hit[2];
    const debian = debianNameFor(name);
    const noUpdate = !/apt-get update|apt update/.test(ctx.failure.instruction ?? "");
    const remedy = debian ? `Debian calls it ${code(debian)}: install that instead of ${code(name)}.` : noUpdate ? `Run ${code("apt-get update")} in the same \`RUN\` as the install (the image ships without package lists), and check the name with ${code(`apt-cache search ${name}`)}.` : `Check the name for this Debian release (${code(`apt-cache search ${name}`)}); package names differ between distributions and releases.`;
    return withPointers(
      {
        reason: "apt-package-not-found",
        summary: `${code("apt-get install")} does not know the package ${code(name)}${debian ? ` \u2014 on Debian it is ${code(debian)}` : ""}.`,
        evidence: [hit.input.trim()],
        remedy
      },
      dockerfileAt(ctx) ?? lineOf(ctx)
    );
  }
};
var buildFailed = {
  reason: "build-failed",
  explain(ctx) {
    const { failure } = ctx;
    const step = failure.instruction ? code(clip(failure.instruction, 100)) : "a step";
    const exit = failure.exitCode !== void 0 ? ` with exit code ${failure.exitCode}` : "";
    return withPointers(
      {
        reason: "build-failed",
        summary: `The Docker build failed at ${step}${failure.stepPosition ? ` (step ${failure.stepPosition})` : ""}${exit}.`,
        evidence: [...failure.outputTail.slice(-8), failure.message].filter((line, index, all) => all.indexOf(line) === index),
        remedy: buildRemedy(failure)
      },
      dockerfileAt(ctx)
    );
  }
};
function lineOf(ctx) {
  const line = ctx.dockerfileText && ctx.failure.instruction ? findInstructionLine(ctx.dockerfileText, ctx.failure.instruction) : void 0;
  return line ? { file: rel(ctx, ctx.dockerfile), line } : void 0;
}

// src/diagnosis/reason.ts
function defineReason(reason) {
  return reason;
}

// src/diagnosis/legacy.ts
function legacyRule(stage, name, rule) {
  const detect = (input) => {
    const diagnosis = rule.explain(input);
    if (!diagnosis) return void 0;
    const { summary: summary2, remedy, evidence, location, pointers } = diagnosis;
    return { facts: { summary: summary2, remedy }, evidence, location, pointers };
  };
  return { stage, name, detect };
}
var asIs = (words) => words;

// src/diagnosis/reasons/dependency-conflict.ts
var dependency_conflict_default = defineReason({
  id: "dependency-conflict",
  title: "Conflicting dependency pins",
  headline: "conflicting dependency pins",
  readme: "pip's `ResolutionImpossible`: both packages, their pins and the requirement that clashes, each pin's line in the requirements files (following `-r` and `-c`), annotated: move the pins together",
  fixtures: [
    { path: "__fixtures__/build/cases/dependency-conflict", test: "__tests__/build-diagnosis.itg.ts", via: "__tests__/helpers/build-cases.ts" },
    {
      path: "__fixtures__/build/cases/dependency-conflict-constraint",
      test: "__tests__/build-diagnosis.itg.ts",
      via: "__tests__/helpers/build-cases.ts"
    }
  ],
  rules: [legacyRule("build", "dependencyConflict", dependencyConflict)],
  words: asIs
});

// src/diagnosis/reasons/package-not-found.ts
var package_not_found_default = defineReason({
  id: "package-not-found",
  title: "Package version not found",
  headline: "pip could not find a package",
  readme: "pip found no such version: it does not exist (the versions pip saw), it exists only for other Pythons (`Requires-Python`, the image's Python), or the name is misspelled (the closest known name)",
  fixtures: [
    { path: "__fixtures__/build/cases/version-not-found", test: "__tests__/build-diagnosis.itg.ts", via: "__tests__/helpers/build-cases.ts" },
    { path: "__fixtures__/build/cases/version-for-other-python", test: "__tests__/build-diagnosis.itg.ts", via: "__tests__/helpers/build-cases.ts" },
    { path: "__fixtures__/build/cases/misspelled-package", test: "__tests__/build-diagnosis.itg.ts", via: "__tests__/helpers/build-cases.ts" }
  ],
  rules: [legacyRule("build", "packageNotFound", packageNotFound)],
  words: asIs
});

// src/diagnosis/reasons/native-build-failed.ts
var native_build_failed_default = defineReason({
  id: "native-build-failed",
  title: "Package needs a compiler",
  headline: "a package did not compile",
  readme: "a package had to be compiled and could not: the missing compiler or header, the apt packages to add before the Dockerfile line, or the binary alternative (e.g. `psycopg2-binary`)",
  fixtures: [
    { path: "__fixtures__/build/cases/native-build-failed", test: "__tests__/build-diagnosis.itg.ts", via: "__tests__/helpers/build-cases.ts" },
    { path: "__fixtures__/build/cases/native-header-missing", test: "__tests__/build-diagnosis.itg.ts", via: "__tests__/helpers/build-cases.ts" }
  ],
  rules: [legacyRule("build", "nativeBuildFailed", nativeBuildFailed)],
  words: asIs
});

// src/diagnosis/reasons/apt-package-not-found.ts
var apt_package_not_found_default = defineReason({
  id: "apt-package-not-found",
  title: "Unknown apt package",
  headline: "unknown apt package",
  readme: "`apt-get install` of a package Debian does not have (e.g. RPM's `libpq-devel`: Debian's name is `libpq-dev`)",
  fixtures: [
    { path: "__fixtures__/build/cases/apt-unknown-package", test: "__tests__/build-diagnosis.itg.ts", via: "__tests__/helpers/build-cases.ts" }
  ],
  rules: [legacyRule("build", "aptPackageNotFound", aptPackageNotFound)],
  words: asIs
});

// src/diagnosis/reasons/build-file-missing.ts
var build_file_missing_default = defineReason({
  id: "build-file-missing",
  title: "File missing from the build context",
  headline: "a copied file is missing",
  readme: "`COPY`/`ADD` of a file not in the build context: the `.dockerignore` line that excludes it, or the closest existing name",
  fixtures: [
    { path: "__fixtures__/build/cases/copy-renamed", test: "__tests__/build-diagnosis.itg.ts", via: "__tests__/helpers/build-cases.ts" },
    { path: "__fixtures__/build/cases/copy-dockerignored", test: "__tests__/build-diagnosis.itg.ts", via: "__tests__/helpers/build-cases.ts" }
  ],
  rules: [legacyRule("build", "buildFileMissing", buildFileMissing)],
  words: asIs
});

// src/diagnosis/reasons/build-failed.ts
var build_failed_default = defineReason({
  id: "build-failed",
  title: "Image build failed",
  headline: "the image did not build",
  readme: "`docker build` failed (legacy builder or BuildKit): the failing step, its output and its Dockerfile line",
  fixtures: [
    { path: "__fixtures__/build/cases/apt-unknown-package", test: "__tests__/build-diagnosis.itg.ts", via: "__tests__/helpers/build-cases.ts" }
  ],
  rules: [legacyRule("build", "buildFailed", buildFailed)],
  words: asIs
});

// src/gunicorn/faulthandler.ts
var FATAL = /^Fatal Python error: (.+)$/;
var THREAD = /^(Current thread|Thread) (0x[0-9a-f]+)(?: \[(.+)\])? \(most recent call first\):$/;
var FRAME = /^\s+File "(.+)", line (\d+) in (.+)$/;
var EXTENSIONS = /^Extension modules: (.*?)(?: \(total: \d+\))?$/;
var FILLER = [
  /^$/,
  /^Current thread's C stack trace \(most recent call first\):$/,
  /^\s+Binary file ".*"/,
  /^\s+<no Python frame>$/,
  /^\s+<.*>$/,
  /^\s+\.\.\.$/,
  /^Python runtime state: .+$/
];
var INCOMPATIBLE = /(?:^(.+?):\d+: \w*Warning: |^\w*(?:Error|Warning): )?([\w.]+) size changed, may indicate binary incompatibility(?:\. Expected (\d+) from C header, got (\d+) from PyObject)?/;
var FRAGMENT = /^\s|File "|Binary file|0x[0-9a-f]+|^<truncated rest of calls>$/;
var MAX_DUMP_LINES = 2e3;
var FRAGMENT_REACH = 400;
var FaultDumpReader = class {
  open;
  /** The dump that ended last: interleaved fragments that arrive after its end still belong to it. */
  last;
  /** Consumes the line if it starts, continues or ends a dump; pushes finished events to `out`. */
  consume(line, text, out) {
    const fatal = FATAL.exec(text);
    if (fatal) {
      this.close(out);
      this.open = { kind: "fatal-error", error: fatal[1].trim(), threads: [], extensionModules: [], lines: [line] };
      return true;
    }
    const dump = this.open;
    if (dump) {
      if (this.continueDump(dump, line, text)) {
        if (dump.lines.length >= MAX_DUMP_LINES) this.close(out);
        return true;
      }
      const extensions = EXTENSIONS.exec(text);
      if (extensions) {
        dump.extensionModules = extensions[1].split(/,\s*/).filter(Boolean);
        dump.lines.push(line);
        this.close(out);
        return true;
      }
      this.close(out);
    } else if (this.isLateFragment(line, text)) {
      this.last.lines.push(line);
      return true;
    }
    const incompatible = INCOMPATIBLE.exec(text);
    if (incompatible) {
      out.push({
        kind: "binary-incompatibility",
        type: incompatible[2],
        importer: incompatible[1],
        expected: incompatible[3] ? Number(incompatible[3]) : void 0,
        got: incompatible[4] ? Number(incompatible[4]) : void 0,
        lines: [line]
      });
      return true;
    }
    return false;
  }
  /** Ends the stream: an open dump is finished as it stands. */
  flush(out) {
    this.close(out);
  }
  continueDump(dump, line, text) {
    const thread = THREAD.exec(text);
    if (thread) {
      dump.threads.push({ id: thread[2], name: thread[3], current: thread[1] === "Current thread", frames: [] });
    } else {
      const frame = FRAME.exec(text);
      const current = dump.threads[dump.threads.length - 1];
      if (frame && current) current.frames.push({ file: frame[1], line: Number(frame[2]), func: frame[3] });
      else if (!FILLER.some((pattern) => pattern.test(text)) && !FRAGMENT.test(text)) return false;
    }
    dump.lines.push(line);
    return true;
  }
  isLateFragment(line, text) {
    const last = this.last?.lines[this.last.lines.length - 1];
    return last !== void 0 && line.seq - last.seq <= FRAGMENT_REACH && text !== "" && (FRAME.test(text) || FRAGMENT.test(text));
  }
  close(out) {
    if (this.open) out.push(this.open);
    this.last = this.open ?? this.last;
    this.open = void 0;
  }
};
function crashedThread(event) {
  return event.threads.find((thread) => thread.current) ?? event.threads[0];
}

// src/gunicorn/line-prefix.ts
var RFC3339 = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?`;
var SYSLOG_TIME = String.raw`\S{2,5} {1,2}\d{1,2} \d\d:\d\d:\d\d`;
var LOG_TABLE = { name: "log table", pattern: /^\s*(?:\|\s*)*\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?\s*\|\s?/ };
var LINE_PREFIXES = [
  // `web-1  | ` (v2), `web_1  | ` (v1), or a container_name without a number (`superset_app   | `).
  { name: "docker compose", pattern: /^[A-Za-z0-9][\w.-]*(?:[-_]\d+\s*|\s+)\|(?: |$)/ },
  // honcho / foreman: `08:22:00 web.1  | `
  { name: "honcho or foreman", pattern: /^\d\d:\d\d:\d\d [\w.-]+\.\d+\s+\| / },
  { name: "heroku", pattern: new RegExp(String.raw`^${RFC3339} (?:app|heroku)\[[\w.-]+\]: ?`) },
  { name: "kubernetes (CRI log file)", pattern: new RegExp(String.raw`^${RFC3339} (?:stdout|stderr) [FP] `) },
  // `Dec 01 10:00:00 host gunicorn[123]: ` (also localized months such as `12月`)
  { name: "systemd journal / syslog", pattern: new RegExp(String.raw`^${SYSLOG_TIME} \S+ [^\s[\]]+\[\d+\]: ?`) },
  // `Dec 11 09:35:30 [eks-rde-2/user] F `
  { name: "papertrail", pattern: new RegExp(String.raw`^${SYSLOG_TIME} \[[^\]]+\] (?:[FP] )?`) },
  // supervisord's own log format, and its `DEBG 'name' stderr output:` header
  {
    name: "supervisord",
    pattern: /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (?:CRIT|ERRO|WARN|INFO|DEBG|TRAC|BLAT) (?:'[^']+' std(?:out|err) output:\s*)?/
  },
  // A log viewer's epoch-milliseconds column, tab-separated (CloudWatch, Grafana exports)
  { name: "epoch column", pattern: /^\d{10,13}(?:\.\d+)?\t/ },
  // `docker logs -t`, Azure App Service, GitHub Actions' raw log: an RFC 3339 time, then a space or tab
  { name: "timestamp", pattern: new RegExp(String.raw`^${RFC3339}\s`) },
  LOG_TABLE,
  { name: "GitHub Actions annotation", pattern: /^##\[(?:error|warning|notice|debug|group|endgroup|command)\]/ },
  { name: "blockquote", pattern: /^>(?: |$)/ },
  // A terminal UI's box around each line (k9s log view, rich panels): `│ Traceback (most recent call last): … │`
  { name: "box-drawn panel", pattern: /^│ ?/ },
  // Markdown inline code around each line, or a paste wrapped in quotes
  { name: "inline code", pattern: /^`+/ },
  { name: "quoted paste", pattern: /^"(?=\s*(?:File "|Traceback \(|\[\d{4}-))/ }
];
var TRAILING_WRAPPER = /`+$|\s*│$/;
var ANY_SMART_QUOTE = /[“”„‟‘’‚‛]/;
var SMART_QUOTES = [
  [/[“”„‟]/g, '"'],
  [/[‘’‚‛]/g, "'"]
];
var ANY_PREFIX = new RegExp(`^(?:${LINE_PREFIXES.map((shape) => `(?:${shape.pattern.source.replace(/^\^/, "")})`).join("|")})`);
function stripLinePrefixes(text) {
  let rest = text;
  for (let pass = 0; pass < 4; pass++) {
    const first = rest.charCodeAt(0);
    if (Number.isNaN(first) || first === 91) break;
    if (first === 32 || first === 9 ? !LOG_TABLE.pattern.test(rest) : !ANY_PREFIX.test(rest)) break;
    const shape = LINE_PREFIXES.find((candidate) => candidate.pattern.test(rest));
    if (!shape) break;
    const next = rest.replace(shape.pattern, "");
    if (next === rest) break;
    rest = next;
  }
  return rest.endsWith("`") || rest.endsWith("\u2502") ? rest.replace(TRAILING_WRAPPER, "") : rest;
}
function plainQuotes(text) {
  if (!ANY_SMART_QUOTE.test(text)) return text;
  let plain2 = text;
  for (const [pattern, ascii] of SMART_QUOTES) plain2 = plain2.replace(pattern, ascii);
  return plain2;
}

// src/diagnosis/rules/crash-reports.ts
function segfaultReported(rc) {
  const reports = rc.ofKind("segfault-report");
  if (reports.length === 0) return void 0;
  const kernel = reports.filter((r) => r.reporter === "kernel");
  const remedy = "Reinstall the image's C extensions for its Python from scratch (`pip install --no-cache-dir --force-reinstall`, no cached or copied wheels), with matching versions of packages built against each other; run once with the `faulthandler` input on to see the Python stack.";
  if (kernel.length > 0) {
    const library = kernel.find((r) => r.library)?.library;
    return {
      reason: "native-crash",
      summary: `The kernel reports ${code(kernel[0].process ?? "the process")} dying of a segfault ${kernel.length > 1 ? `${kernel.length} times` : "once"}${library ? ` in ${code(library)}` : ""}: native code crashes in the workers${kernel.length > 1 ? " and they are replaced" : ""}.`,
      evidence: present(...kernel.slice(0, 2).map((r) => r.lines[0].text.trim().slice(0, 200))),
      remedy
    };
  }
  const exit = rc.ctx.container.exitCode;
  return {
    reason: "native-crash",
    summary: `The process died of a Segmentation fault (${code(stripLinePrefixes(reports[0].lines[0].text).trim().slice(0, 120))}${exit === 139 ? ", exit code 139" : ""}): native code crashed.`,
    evidence: present(reports[0].lines[0].text),
    remedy
  };
}

// src/diagnosis/rules/locate.ts
import { readdirSync } from "node:fs";
import path9 from "node:path";
function commandLine(rc) {
  return rc.dockerCommandLine();
}
function configSetting(rc, setting) {
  const config = rc.gunicornConfigFile();
  if (!config) return void 0;
  const pattern = typeof setting === "string" ? new RegExp(`^\\s*${setting}\\s*=`) : setting;
  const found = rc.repo.findLine(config, pattern);
  return found ? { file: config, ...found } : void 0;
}
function frameLocation(rc, tb) {
  return rc.userFrame(tb)?.location;
}
function firstLocation(...candidates) {
  const found = candidates.find((candidate) => Boolean(candidate));
  return found ? { file: found.file, line: found.line } : void 0;
}
function faultUserFrame(rc, frames) {
  for (const frame of frames) {
    const file = rc.mapContainerPath(frame.file);
    if (!file) continue;
    const text = rc.repo.read(file)?.split("\n")[frame.line - 1];
    const code2 = text?.replace(/\s+#[^'"]*$/, "").trim();
    return { frame, location: { file, line: frame.line, containerPath: frame.file }, code: code2 || void 0 };
  }
  return void 0;
}
function pythonLine(rc, pattern, maxFiles = 300) {
  const root = rc.repo.absolute(rc.contextRel || ".");
  const queue = [""];
  let seen = 0;
  while (queue.length > 0 && seen < maxFiles) {
    const dir = queue.shift();
    let entries;
    try {
      entries = readdirSync(path9.join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const relative2 = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) queue.push(relative2);
      if (!entry.isFile() || !entry.name.endsWith(".py")) continue;
      seen++;
      const file = rc.inContext(relative2);
      const found = rc.repo.findLine(file, pattern);
      if (found) return { file, ...found };
    }
  }
  return void 0;
}
var SKIPPED_DIRS = /* @__PURE__ */ new Set(["node_modules", "__pycache__", "venv", "site-packages", "dist-packages", "migrations"]);

// src/diagnosis/rules/crashes.ts
var NATIVE_SIGNALS = /SIGSEGV|SIGBUS|SIGILL|SIGFPE|signal (11|7|4|8)\b/;
var PACKAGE_PATH = /(?:site|dist)-packages\/([A-Za-z_][\w]*)/;
var MAX_EXTENSIONS_NAMED = 8;
var nativeCrash = {
  reason: "native-crash",
  explain(rc) {
    const incompatible = rc.ofKind("binary-incompatibility")[0];
    if (incompatible) return binaryIncompatibility(rc, incompatible);
    const requested = rc.ctx.stackRequest;
    const dumps = rc.ofKind("fatal-error").filter((dump) => !requested || dump.lines[0].seq <= requested.afterSeq);
    const deaths = rc.ofKind("worker-signal").filter((e) => NATIVE_SIGNALS.test(e.signal) && e.pid !== requested?.pid);
    if (dumps.length === 0 && deaths.length === 0) return segfaultReported(rc);
    return dumps.length > 0 ? fromDump(rc, dumps, deaths.length) : fromSignalsOnly(rc, deaths);
  }
};
function fromDump(rc, dumps, deaths) {
  const dump = dumps.find((d) => crashedThread(d)?.frames.length) ?? dumps[0];
  const frames = crashedThread(dump)?.frames ?? [];
  const user = faultUserFrame(rc, frames);
  const module = importedModule(rc, frames);
  const extensions = dump.extensionModules;
  const named = extensions.slice(0, MAX_EXTENSIONS_NAMED).map(code).join(", ");
  const more = extensions.length > MAX_EXTENSIONS_NAMED ? ` and ${extensions.length - MAX_EXTENSIONS_NAMED} more` : "";
  const count = Math.max(dumps.length, deaths);
  const innermost = frames[0];
  return {
    reason: "native-crash",
    summary: `A worker crashed in native code (${code(`Fatal Python error: ${dump.error}`)})` + (module ? ` while importing ${code(module)}` : "") + (user ? ` at ${code(fileLine(user.location))}${user.code ? ` (${code(user.code)})` : ""}` : "") + (count > 1 ? `, ${count} times: Gunicorn keeps replacing it` : "") + "." + (extensions.length ? ` Extension modules loaded: ${named}${more}.` : ""),
    evidence: present(
      dump.lines[0].text,
      innermost && frameLine(innermost),
      user && user.frame !== innermost ? frameLine(user.frame) : void 0,
      dump.lines.find((l) => l.text.startsWith("Extension modules:"))?.text,
      rc.ofKind("worker-signal")[0]?.lines[0].text
    ),
    location: user?.location,
    remedy: `A C extension crashes when ${module ? code(module) : "the app"} is imported: usually one built for another Python or against another version of a library it links to. Reinstall the extensions in the image from scratch for its Python (\`pip install --no-cache-dir --force-reinstall\`, no cached or copied wheels), with matching versions of packages that are built against each other.`
  };
}
function fromSignalsOnly(rc, deaths) {
  const first = deaths[0];
  return {
    reason: "native-crash",
    summary: `Workers die of a signal in native code (${deaths.length} \xD7 ${code(first.lines[0].text.replace(/^\[[^\]]+\] \[\d+\] \[\w+\] /, ""))}) and Gunicorn keeps replacing them; faulthandler was off, so no Python stack was printed.`,
    evidence: present(first.lines[0].text, rc.ofKind("worker-boot").slice(-1)[0]?.lines[0].text),
    remedy: "Run once with the `faulthandler` input left on (the default) to see the crashing module; then reinstall its C extension for the image's Python without cached wheels."
  };
}
function binaryIncompatibility(rc, event) {
  const linked = event.type.split(".")[0];
  const builder = builtAgainst(rc, event, linked);
  const both = builder ? `${code(builder)} and ${code(linked)}` : code(linked);
  const tb = rc.primaryTraceback((t) => t.lines[0].seq > event.lines[0].seq);
  return {
    reason: "native-crash",
    summary: `${builder ? code(builder) : "A compiled extension"} was built against another version of ${code(linked)}: Python warned ${code(`${event.type} size changed, may indicate binary incompatibility`)}${event.expected !== void 0 ? ` (expected ${event.expected} bytes, got ${event.got})` : ""}.`,
    evidence: present(event.lines[0].text, tb?.exception.line, rc.gunicornOutcomeLine()),
    location: requirementLine(rc, builder ?? linked),
    remedy: `Reinstall ${both} together with versions that match (pin both in the requirements), e.g. \`pip install --no-cache-dir --force-reinstall ${builder ?? "<extension>"} ${linked}\`: no cached or prebuilt wheel built against another ${code(linked)}, and no second copy of ${code(linked)} earlier on the path.`
  };
}
function builtAgainst(rc, event, linked) {
  const fromWarning = event.importer ? PACKAGE_PATH.exec(event.importer)?.[1] : void 0;
  if (fromWarning && fromWarning !== linked) return fromWarning;
  for (const tb of rc.tracebacks.filter((t) => t.lines[0].seq > event.lines[0].seq)) {
    const init = tb.frames.find((f) => f.func?.startsWith("init "))?.func?.slice(5).split(".")[0];
    if (init && init !== linked) return init;
    const library = tb.frames.map((f) => PACKAGE_PATH.exec(f.file)?.[1]).find((name) => name !== void 0 && name !== linked && name !== "gunicorn");
    if (library) return library;
  }
  return void 0;
}
function importedModule(rc, frames) {
  const frame = frames.find((f) => f.func === "<module>" && !f.file.startsWith("<"));
  if (!frame) return void 0;
  const library = /(?:site|dist)-packages\/(.+)\.py$/.exec(frame.file)?.[1];
  const relative2 = library ?? rc.mapContainerPath(frame.file)?.slice(rc.contextRel ? rc.contextRel.length + 1 : 0).replace(/\.py$/, "");
  return relative2?.replace(/\/__init__$/, "").replace(/\//g, ".");
}
function requirementLine(rc, name) {
  const file = rc.requirementsFile();
  const found = file ? rc.repo.findLine(file, new RegExp(`^\\s*${name}\\b`, "i")) : void 0;
  return file && found ? { file, line: found.line } : void 0;
}
function frameLine(frame) {
  return `  File "${frame.file}", line ${frame.line} in ${frame.func}`;
}

// src/diagnosis/reasons/native-crash.ts
var native_crash_default = defineReason({
  id: "native-crash",
  title: "Worker crashed in native code",
  headline: "a native extension crashed the worker",
  readme: "a worker died of a signal in native code (`Fatal Python error: Segmentation fault`): the module whose import crashed, the extension modules loaded, or the two packages of a `size changed, may indicate binary incompatibility` warning",
  fixtures: [{ path: "__fixtures__/apps/fail-native-crash", test: "__tests__/hang-crash.itg.ts" }],
  rules: [legacyRule("boot", "nativeCrash", nativeCrash)],
  words: asIs
});

// src/diagnosis/packages.ts
var PIP_NAMES = {
  geventwebsocket: "gevent-websocket",
  yaml: "PyYAML",
  PIL: "Pillow",
  cv2: "opencv-python-headless",
  sklearn: "scikit-learn",
  jwt: "PyJWT",
  dotenv: "python-dotenv",
  bs4: "beautifulsoup4",
  psycopg2: "psycopg2-binary",
  MySQLdb: "mysqlclient",
  dateutil: "python-dateutil",
  magic: "python-magic",
  jose: "python-jose",
  multipart: "python-multipart",
  socketio: "python-socketio",
  engineio: "python-engineio",
  flask_socketio: "Flask-SocketIO",
  flask_sqlalchemy: "Flask-SQLAlchemy",
  flask_cors: "Flask-Cors",
  flask_login: "Flask-Login",
  flask_migrate: "Flask-Migrate",
  flask_wtf: "Flask-WTF",
  google: "the google-* package that provides it (e.g. google-cloud-storage, protobuf)",
  Crypto: "pycryptodome",
  OpenSSL: "pyOpenSSL",
  serial: "pyserial",
  usb: "pyusb",
  attr: "attrs",
  docx: "python-docx",
  pptx: "python-pptx",
  slugify: "python-slugify",
  decouple: "python-decouple",
  environ: "django-environ",
  rest_framework: "djangorestframework",
  corsheaders: "django-cors-headers",
  debug_toolbar: "django-debug-toolbar",
  storages: "django-storages",
  uvicorn_worker: "uvicorn-worker",
  pkg_resources: "setuptools",
  zmq: "pyzmq",
  telegram: "python-telegram-bot",
  discord: "discord.py",
  fitz: "PyMuPDF",
  Levenshtein: "python-Levenshtein",
  memcache: "python-memcached",
  ldap: "python-ldap",
  git: "GitPython",
  skimage: "scikit-image",
  grpc: "grpcio"
};
function pipPackageFor(moduleName) {
  const top = moduleName.split(".")[0];
  const mapped = PIP_NAMES[top];
  return mapped ? { pipName: mapped, differs: true } : { pipName: top, differs: false };
}
var WORKER_CLASS_PACKAGES = {
  gevent: { pipName: "gevent" },
  geventwebsocket: { pipName: "gevent-websocket" },
  eventlet: { pipName: "eventlet", note: "eventlet support was removed in Gunicorn 26.0; gevent is the maintained choice" },
  uvicorn: {
    pipName: "uvicorn[standard]",
    note: "uvicorn.workers is deprecated since uvicorn 0.30: prefer the `uvicorn-worker` package and `-k uvicorn_worker.UvicornWorker`"
  },
  uvicorn_worker: { pipName: "uvicorn-worker" },
  tornado: { pipName: "tornado" }
};

// src/diagnosis/rules/worker-class.ts
var WORKER_CLASS_MODULES = Object.keys(WORKER_CLASS_PACKAGES);
var NO_MODULE = /^No module named '([^']+)'/;
var ENTRY_POINT = /Entry point \('gunicorn\.workers', '([^']+)'\) not found/;
var REQUIRES = /^(\w+) worker requires (\w+) ([\d.]+) or higher/;
var REMOVED_WORKERS = { eventlet: "26.0" };
var ADDED_WORKERS = {
  asgi: { since: "25", instead: "uvicorn_worker.UvicornWorker", pipName: "uvicorn-worker" }
};
var WORKER_PACKAGE_FRAME = /\/(eventlet|gevent|greenlet|tornado|uvicorn|uvicorn_worker)\//;
var workerClassUnavailable = {
  reason: "worker-class-unavailable",
  explain(rc) {
    const finding = removedOrUnregistered(rc) ?? versionFloor(rc) ?? notInstalled(rc) ?? brokenInSetup(rc);
    if (!finding) return void 0;
    const command = commandLine(rc);
    return {
      reason: "worker-class-unavailable",
      ...finding,
      location: firstLocation(configSetting(rc, "worker_class"), command && /(-k|--worker-class)/.test(command.text) && command)
    };
  }
};
function classError(rc) {
  return rc.ofKind("config-error").find((e) => /^class uri /.test(e.message));
}
function requirementsText(rc) {
  const requirements = rc.requirementsFile();
  return requirements ? code(requirements) : "the requirements installed by the Dockerfile";
}
function removedOrUnregistered(rc) {
  const tb = rc.tracebacks.find((t) => ENTRY_POINT.test(t.exception.message));
  if (!tb) return void 0;
  const name = ENTRY_POINT.exec(tb.exception.message)[1];
  const evidence = present(classError(rc)?.lines[0].text, tb.exception.line);
  const removedIn = REMOVED_WORKERS[name];
  if (removedIn) {
    return {
      summary: `Gunicorn ${removedIn}+ has no ${code(name)} worker class any more (removed in ${removedIn}), so ${code(`-k ${name}`)} cannot load; installing ${code(name)} does not bring it back.`,
      evidence,
      remedy: `Switch to ${code("gevent")} (${code("--worker-class gevent")}, add ${code("gevent")} to ${requirementsText(rc)}), or pin ${code(`gunicorn<${removedIn.split(".")[0]}`)} to keep the ${name} worker.`
    };
  }
  const added = ADDED_WORKERS[name];
  if (added) {
    return {
      summary: `The ${code(name)} worker class is Gunicorn's own only from ${added.since}.0: the installed Gunicorn${rc.ctx.state.version ? ` ${rc.ctx.state.version}` : ""} is older and does not have it.`,
      evidence,
      remedy: `Require ${code(`gunicorn>=${added.since}`)} in ${requirementsText(rc)}, or keep this Gunicorn and use ${code(`-k ${added.instead}`)} (package ${code(added.pipName)}).`
    };
  }
  return {
    summary: `The installed Gunicorn does not register the ${code(name)} worker class (its entry point is missing).`,
    evidence,
    remedy: `Upgrade Gunicorn, or name the class by its import path (e.g. ${code("gunicorn.workers.gthread.ThreadWorker")} for ${code("gthread")}).`
  };
}
function versionFloor(rc) {
  const tb = rc.tracebacks.find((t) => REQUIRES.test(t.exception.message));
  if (!tb) return void 0;
  const [, worker, pkg, floor] = REQUIRES.exec(tb.exception.message);
  const chain = rc.tracebackChains().find((c) => c.includes(tb)) ?? [tb];
  const missing = chain.some((t) => NO_MODULE.exec(t.exception.message)?.[1]?.split(".")[0] === pkg);
  const installed = installedVersion(rc, pkg);
  const evidence = present(
    classError(rc)?.lines[0].text,
    missing ? chain.find((t) => NO_MODULE.test(t.exception.message))?.exception.line : void 0,
    tb.exception.line
  );
  const pipName = WORKER_CLASS_PACKAGES[pkg]?.pipName ?? pkg;
  if (missing) {
    return {
      summary: `Gunicorn cannot load the ${code(worker)} worker class: the ${code(pipName)} package is not installed in the image (Gunicorn reports it as "requires ${pkg} ${floor} or higher").`,
      evidence,
      remedy: `Add ${code(pipName)} to ${requirementsText(rc)} (${floor} or later).${removedNote(worker)}`
    };
  }
  return {
    summary: installed ? `The image has ${code(`${pkg} ${installed.version}`)}, older than the ${pkg} ${floor} this Gunicorn's ${code(worker)} worker requires.` : `This Gunicorn's ${code(worker)} worker requires ${pkg} ${floor} or higher, and the ${pkg} in the image is older (or missing: Gunicorn 24+ prints the same line when it is not installed at all).`,
    evidence: [...evidence, ...present(installed?.line)],
    remedy: `Require ${code(`${pipName}>=${floor}`)} in ${requirementsText(rc)} (with the greenlet it needs), or pin Gunicorn to a release that accepts the ${pkg} you have.${removedNote(worker)}`
  };
}
function installedVersion(rc, pkg) {
  const pattern = new RegExp(`(?:^|[\\s-])${pkg}(?:==|-| )(\\d+(?:\\.\\d+)+)\\b`);
  for (const line of rc.ctx.lines) {
    if (/requires .* or higher/.test(line.text)) continue;
    const m = pattern.exec(line.text);
    if (m) return { version: m[1], line: line.text.trim() };
  }
  return void 0;
}
function removedNote(worker) {
  const removedIn = REMOVED_WORKERS[worker];
  return removedIn ? ` Gunicorn ${removedIn} removed the ${worker} worker: prefer ${code("gevent")}.` : "";
}
function notInstalled(rc) {
  const error = classError(rc);
  const missing = rc.tracebacks.find((tb) => {
    const module2 = NO_MODULE.exec(tb.exception.message)?.[1]?.split(".")[0];
    return module2 !== void 0 && WORKER_CLASS_MODULES.includes(module2) && (error !== void 0 || tb.frames.some((f) => /gunicorn\/workers\//.test(f.file)) || isWorkerClassModule(rc, module2));
  });
  const needInstalled = rc.tracebacks.find((tb) => /You need (\w+) installed/.test(tb.exception.message));
  if (!error && !missing && !needInstalled) return void 0;
  const workerClass = /^class uri '([^']+)'/.exec(error?.message ?? "")?.[1] ?? rc.ctx.state.workerClass;
  const module = NO_MODULE.exec(missing?.exception.message ?? "")?.[1]?.split(".")[0] ?? /You need (\w+) installed/.exec(needInstalled?.exception.message ?? "")?.[1] ?? (workerClass ? WORKER_CLASS_MODULES.find((m) => workerClass.toLowerCase().includes(m)) : void 0) ?? // A class from another package (`quart.worker.GunicornUVLoopWorker`): the module the traceback could not find.
  rc.tracebacks.map((tb) => NO_MODULE.exec(tb.exception.message)?.[1]).find((m) => m !== void 0 && workerClass?.startsWith(`${m}.`));
  const pkg = module ? WORKER_CLASS_PACKAGES[module] : void 0;
  const className = workerClass ? `the ${code(workerClass)} worker class` : "the configured worker class";
  const classModuleMissing = module !== void 0 && !pkg && rc.tracebacks.some((tb) => NO_MODULE.exec(tb.exception.message)?.[1] === module);
  const known = missing !== void 0 || needInstalled !== void 0 || classModuleMissing;
  const broken = !known && brokenInSetup(rc);
  if (broken) return broken;
  const what = pkg ? `the ${code(pkg.pipName)} package` : `module ${code(module ?? "?")}`;
  return {
    summary: known ? `Gunicorn cannot load ${className}: ${what} is not installed in the image.` : `Gunicorn cannot load ${className}: ${what} is missing or does not import with this Gunicorn (the log does not show the exception).`,
    evidence: present(error?.lines[0].text, missing?.exception.line, needInstalled?.exception.line),
    remedy: pkg ? `Add ${code(pkg.pipName)} to ${requirementsText(rc)}${pkg.note ? ` (${pkg.note})` : ""}, or choose a worker class the image has.` : `Install the package that provides ${className}, or choose a worker class the image has (e.g. ${code("gthread")}).`
  };
}
function isWorkerClassModule(rc, module) {
  return (rc.ctx.state.workerClass?.toLowerCase() ?? "").includes(module);
}
function brokenInSetup(rc) {
  const candidates = [...rc.tracebacks, ...rc.ofKind("cut-traceback")];
  for (const tb of candidates) {
    const workerFrame = tb.frames.findIndex((f) => /gunicorn\/workers\/\w+\.py$/.test(f.file));
    if (workerFrame === -1) continue;
    const inside = tb.frames.slice(workerFrame + 1).find((f) => WORKER_PACKAGE_FRAME.test(f.file));
    if (!inside) continue;
    const pkg = WORKER_PACKAGE_FRAME.exec(inside.file)[1];
    const at = `${inside.file.replace(/^.*\/(?:site|dist)-packages\//, "")}:${inside.line}`;
    return {
      summary: `The ${code(pkg)} worker fails while Gunicorn sets it up (in ${code(at)}${tb.exception ? `: ${code(tb.exception.line)}` : ", where the log ends"}): the installed ${code(pkg)} does not work with this Gunicorn.`,
      evidence: present(`  File "${inside.file}", line ${inside.line}${inside.func ? `, in ${inside.func}` : ""}`, tb.exception?.line),
      remedy: `Pin the ${code(pkg)} release this Gunicorn supports (or upgrade Gunicorn to one that supports yours) in ${requirementsText(rc)}.${removedNote(pkg)}`
    };
  }
  return void 0;
}

// src/diagnosis/reasons/worker-class-unavailable.ts
var worker_class_unavailable_default = defineReason({
  id: "worker-class-unavailable",
  title: "Worker class not installed",
  headline: "worker class unavailable",
  namesCulprit: true,
  readme: "the worker class (gevent, gevent-websocket, uvicorn, eventlet) cannot be imported, is too old for this Gunicorn (`gevent worker requires gevent 24.10.1 or higher`: missing or old, from the evidence), is gone (eventlet in Gunicorn 26: switch to gevent or pin `gunicorn<26`) or not there yet (the native `asgi` worker before 25), or breaks while Gunicorn sets it up",
  fixtures: [{ path: "__fixtures__/apps/fail-worker-class-unavailable", test: "__tests__/diagnosis.itg.ts" }],
  rules: [legacyRule("boot", "workerClassUnavailable", workerClassUnavailable)],
  words: asIs
});

// src/diagnosis/rules/config-sources.ts
function unresolvableBind(rc) {
  const invalid = rc.ofKind("invalid-address")[0];
  if (!invalid) return void 0;
  const host = /^\('([^']*)'/.exec(invalid.address)?.[1] ?? invalid.address;
  const port = /, (\d+)\)$/.exec(invalid.address)?.[1] ?? String(rc.ctx.settings.port);
  return {
    reason: "config-error",
    summary: `Gunicorn cannot bind ${code(invalid.address)}: the host ${code(host)} in the bind address does not resolve to an address of this container.`,
    evidence: present(invalid.lines[0].text, commandLine(rc)?.text),
    location: firstLocation(configSetting(rc, "bind"), commandLine(rc)),
    remedy: `Bind to all interfaces inside the container (${code(`--bind 0.0.0.0:${port}`)}); a service name such as ${code(host)} is how other containers reach this one, not an address it can listen on.`
  };
}
function optionWithoutValue(rc) {
  const error = rc.ofKind("config-error").find((e) => /^argument ([\w-]+(?:\/[\w-]+)?): expected one argument$/.test(e.message));
  if (!error) return void 0;
  const option = /^argument ([\w/-]+)/.exec(error.message)[1].split("/").pop();
  return {
    reason: "config-error",
    summary: `Gunicorn's ${code(option)} option was given without a value (${error.message}): the variable meant to fill it is probably empty or unset.`,
    evidence: error.lines.map((l) => l.text),
    location: firstLocation(commandLine(rc)),
    remedy: `Give ${code(option)} a value where the command is built (e.g. ${code(`${option} "\${VAR:-1000}"`)} in the start script), or drop the option when the variable is empty.`
  };
}
function settingCrash(rc) {
  const tb = rc.tracebacks.find((t) => t.frames.some((f) => /gunicorn\/arbiter\.py$/.test(f.file) && /control_(server|socket)/.test(f.func ?? "")));
  if (!tb) return void 0;
  const setting = configSetting(rc, "control_socket");
  return {
    reason: "config-error",
    summary: `The master crashed starting its control socket (Gunicorn 25.1+): the ${code("control_socket")} setting is not a usable path (${code(tb.exception.line)}).`,
    evidence: present(rc.ofKind("main-loop-exception")[0]?.lines[0].text, tb.exception.line, setting?.text.trim()),
    location: firstLocation(setting, commandLine(rc)),
    remedy: `Set ${code("control_socket")} to a writable path, or turn the socket off with ${code("--no-control-socket")} instead of ${code("control_socket = None")}.`
  };
}
function appConfiguration(rc) {
  const improperly = rc.primaryTraceback(
    (tb) => exceptionIs(tb, "ImproperlyConfigured") && !/environment variable|No module named|Did you install/i.test(tb.exception.message)
  );
  if (improperly) return djangoSettings(rc, improperly);
  const section = rc.primaryTraceback((tb) => exceptionIs(tb, "KeyError") && tb.frames.slice(-1)[0]?.file.endsWith("configparser.py") === true);
  if (!section) return void 0;
  const name = /^'([^']+)'$/.exec(section.exception.message)?.[1] ?? section.exception.message;
  const frame = rc.userFrame(section);
  return {
    reason: "config-error",
    summary: `The app reads section ${code(name)} of an INI config file while it loads${where(frame?.location)}, and the file has no such section (${code(section.exception.line)}).`,
    evidence: rc.tracebackEvidence(section, frame),
    location: frame?.location,
    remedy: `Add a ${code(`[${name}]`)} section to the config file the app reads (check the path it is given in the container), or read it with a fallback.`
  };
}
function djangoSettings(rc, tb) {
  const frame = rc.userFrame(tb);
  const message = tb.exception.message.trim() || tb.exception.line;
  return {
    reason: "config-error",
    summary: `Django's settings are incomplete${where(frame?.location)}: ${message}`,
    evidence: [...rc.tracebackEvidence(tb, frame), ...present(tb.lines[tb.lines.length - 1]?.text !== tb.exception.line ? message : void 0)],
    location: frame?.location,
    remedy: "Provide the setting or configuration file Django names above in the image (it is often copied by hand on the server and missing from the build)."
  };
}

// src/diagnosis/rules/configuration.ts
var configError = {
  reason: "config-error",
  explain(rc) {
    const other = unresolvableBind(rc) ?? optionWithoutValue(rc) ?? settingCrash(rc);
    if (other) return other;
    const error = rc.ofKind("config-error")[0];
    if (!error) return appConfiguration(rc);
    const port = /^'(.*)' is not a valid port number\.?$/.exec(error.message);
    if (port) return invalidPort(rc, error, port[1]);
    if (/No application module specified/.test(error.message)) {
      return {
        reason: "config-error",
        summary: "Gunicorn was started without an application module (e.g. `app:app`).",
        evidence: error.lines.map((l) => l.text),
        location: firstLocation(commandLine(rc)),
        remedy: `Add the WSGI/ASGI application as the last argument of the command (${code("gunicorn \u2026 module:app")}) or set ${code("wsgi_app")} in gunicorn.conf.py.`
      };
    }
    const readFailure = /^Failed to read config file: (.+)$/.exec(error.message);
    if (readFailure) return unreadableConfig(rc, error, readFailure[1]);
    return rejectedSetting(rc, error);
  }
};
function invalidPort(rc, error, placeholder) {
  const evidence = error.lines.map((l) => l.text);
  const command = commandLine(rc);
  const config = rc.gunicornConfigFile();
  const bind = configSetting(rc, "bind");
  const inCommand = command && placeholder && command.text.includes(placeholder) ? command : void 0;
  const location = firstLocation(bind && (!inCommand || bind.text.includes(placeholder)) && bind, inCommand, bind);
  if (bind && location?.file === bind.file) evidence.push(bind.text.trim());
  else if (inCommand) evidence.push(inCommand.text);
  const remedyConfig = `read the environment in ${config ? code(config) : "gunicorn.conf.py"}: ${code(`bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"`)}`;
  if (placeholder === "") {
    return {
      reason: "config-error",
      summary: `The bind address has an empty port: ${code("PORT")} is empty or unset where the bind is built.`,
      evidence,
      location,
      remedy: `Give ${code("PORT")} a value (the action passes ${code(`PORT=${rc.ctx.settings.port}`)}) or ${remedyConfig}.`
    };
  }
  const fromCommand = location && location.file === inCommand?.file && location.line === inCommand.line;
  return {
    reason: "config-error",
    summary: fromCommand ? `The bind address contains the literal text ${code(placeholder)}: the exec-form ${code("CMD")} runs no shell, so the variable is never expanded.` : `The bind address contains the literal text ${code(placeholder)}: gunicorn.conf.py is plain Python and does not expand shell variables.`,
    evidence,
    location,
    remedy: fromCommand ? `Use the shell form (${code("CMD gunicorn --bind 0.0.0.0:$PORT app:app")}) or ${remedyConfig}.` : `Instead of ${code(placeholder)}, ${remedyConfig}.`
  };
}
function unreadableConfig(rc, error, file) {
  const tb = rc.tracebacks.find((t) => t.lines[0].seq > error.lines[0].seq) ?? rc.primaryTraceback();
  const frame = rc.userFrame(tb);
  return {
    reason: "config-error",
    summary: `Gunicorn could not read its config file ${code(file)}${tb ? `: ${code(tb.exception.line)}` : ""}.`,
    evidence: [...error.lines.map((l) => l.text), ...tb ? rc.tracebackEvidence(tb, frame) : []],
    location: frame?.location,
    remedy: "Fix the error in the config file; it is executed as Python when Gunicorn starts."
  };
}
function rejectedSetting(rc, error) {
  const invalid = /^Invalid value for ([\w-]+): (.*)$/.exec(error.message);
  const unrecognized = /^unrecognized arguments: (.+)$/.exec(error.message);
  const settingLine = invalid ? configSetting(rc, invalid[1].replace(/-/g, "_")) : void 0;
  const detail = rc.ofKind("config-error").slice(1).map((e) => e.message);
  return {
    reason: "config-error",
    summary: invalid ? `Gunicorn rejected the setting ${code(invalid[1])}: ${invalid[2]}${detail.length ? ` (${detail[0]})` : ""}.` : unrecognized ? `Gunicorn does not recognize the argument(s) ${code(unrecognized[1])}.` : `Gunicorn rejected its configuration: ${error.message}`,
    evidence: [...error.lines.map((l) => l.text), ...detail.slice(0, 2)],
    location: firstLocation(settingLine, commandLine(rc)),
    remedy: unrecognized ? "Remove or correct those arguments in the command; `gunicorn --help` lists the valid ones for the installed version." : "Correct that value in the command or gunicorn.conf.py; `gunicorn --check-config` reproduces the error locally."
  };
}
var appNotFound = {
  reason: "app-not-found",
  explain(rc) {
    const loadError = rc.ofKind("app-load-error").find((e) => !/Error while loading/.test(e.message));
    const importTb = rc.primaryTraceback(
      (tb) => /^Failed to find (application|attribute)/.test(tb.exception.message) || tb.exception.type.endsWith("AppImportError")
    );
    const exit4 = rc.ofKind("worker-exit").some((e) => e.code === 4) || rc.ctx.container.exitCode === 4;
    if (!loadError && !importTb && !(exit4 && rc.ofKind("shutdown").some((e) => e.reason === "App failed to load."))) return void 0;
    const message = loadError?.message ?? importTb?.exception.message ?? "App failed to load.";
    const attr = /Failed to find (?:attribute|application object) '([^']+)' in '([^']+)'/.exec(message);
    const suggestion = /did you mean '([^']+)'/.exec(message)?.[1];
    const moduleName = attr?.[2];
    const moduleFile = moduleName ? rc.moduleFile(moduleName) : void 0;
    const candidates = moduleFile ? applicationObjects(rc.repo.read(moduleFile) ?? "") : [];
    const command = commandLine(rc);
    const spec = /([\w.]+:[\w.()]+)/.exec(command?.text.replace(/0\.0\.0\.0:\S+|127\.0\.0\.1:\S+|\$\{?PORT\}?/g, "") ?? "")?.[1];
    const better = suggestion ?? (moduleName && candidates[0] ? `${moduleName}:${candidates[0]}` : void 0);
    return {
      reason: "app-not-found",
      summary: attr ? `Gunicorn imported module ${code(attr[2])} but found no ${code(attr[1])} in it${candidates.length ? ` (it defines ${candidates.map(code).join(", ")})` : ""}.` : `Gunicorn could not find the application object: ${message}`,
      evidence: present(loadError?.lines[0].text, importTb?.exception.line, command?.text, rc.gunicornOutcomeLine()),
      location: firstLocation(command),
      remedy: better ? `Point Gunicorn at the object that exists: ${code(better)}${spec ? ` instead of ${code(spec)}` : ""}.` : "Point Gunicorn at `module:variable` where the variable is the WSGI/ASGI application (for a factory: `module:create_app()`)."
    };
  }
};
function applicationObjects(source) {
  const names = [];
  const pattern = /^([A-Za-z_]\w*)\s*(?::[^=]+)?=\s*(?:Flask|FastAPI|Starlette|Quart|Sanic|Falcon|falcon\.App|create_app|make_app|get_wsgi_application|get_asgi_application|application_factory)\b/gm;
  for (const m of source.matchAll(pattern)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}

// src/diagnosis/stages.ts
function missingExecutable(message) {
  const name = message.match(/exec: "?([^":\s]+)"?: executable file not found/)?.[1];
  return name === void 0 ? void 0 : { name, isGunicorn: /(^|\/)gunicorn$/.test(name) };
}

// src/diagnosis/rules/start.ts
var gunicornNotInstalled = {
  stage: "start",
  name: "the start command is gunicorn, which the image lacks",
  detect({ message }) {
    const missing = missingExecutable(message);
    return missing?.isGunicorn ? { facts: { kind: "executable-missing", executable: missing.name }, evidence: [message] } : void 0;
  }
};
var executableMissing = {
  stage: "start",
  name: "the start command is not in the image",
  detect({ message }) {
    const missing = missingExecutable(message);
    return missing && !missing.isGunicorn ? { facts: { kind: "executable-missing", executable: missing.name }, evidence: [message] } : void 0;
  }
};
var networkMissing = {
  stage: "start",
  name: "the network input names no network",
  detect({ message, network }) {
    return network && !missingExecutable(message) && /network .* not found/i.test(message) ? { facts: { kind: "network-missing", network }, evidence: [message] } : void 0;
  }
};
var otherStartFailure = {
  stage: "start",
  name: "docker run failed",
  detect({ message, network }) {
    if (missingExecutable(message) || network && /network .* not found/i.test(message)) return void 0;
    return { facts: { kind: "start-failed", message: message.replace(/\.$/, "") }, evidence: [message] };
  }
};
function startWords(facts) {
  switch (facts.kind) {
    case "executable-missing": {
      const summary2 = `The container could not start: ${code(facts.executable)} is not installed in the image.`;
      return /(^|\/)gunicorn$/.test(facts.executable) ? { summary: summary2, remedy: "Add `gunicorn` to the requirements the image installs (or start it as `python -m gunicorn`)." } : {
        summary: summary2,
        remedy: `Install ${code(facts.executable)} in the image, or fix the start command (the \`command\` input or the Dockerfile's CMD).`
      };
    }
    case "network-missing":
      return {
        summary: `The Docker network ${code(facts.network)} does not exist.`,
        remedy: "Pass an existing network to the `network` input, e.g. `${{ job.services.postgres.network }}`."
      };
    case "start-failed":
      return {
        summary: `The container could not start: ${facts.message}.`,
        remedy: "Check the start command and the `memory`, `cpus` and `network` inputs."
      };
  }
}

// src/diagnosis/reasons/config-error.ts
var config_error_default = defineReason({
  id: "config-error",
  title: "Gunicorn configuration error",
  headline: "Gunicorn configuration error",
  readme: "Gunicorn rejected its configuration, e.g. `bind = \"0.0.0.0:${PORT}\"` in `gunicorn.conf.py` (a config file is Python: nothing expands `${PORT}`), a bind host that does not resolve, an option left without its value, a `control_socket` that is not a path (25.1+); or the app's own configuration failed at import (Django's `ImproperlyConfigured`, a missing INI section)",
  fixtures: [{ path: "__fixtures__/apps/fail-config-error", test: "__tests__/diagnosis.itg.ts" }],
  rules: [executableMissing, networkMissing, otherStartFailure, legacyRule("boot", "configError", configError)],
  words: (facts) => "summary" in facts ? facts : startWords(facts)
});

// src/diagnosis/rules/network.ts
var portInUse = {
  reason: "port-in-use",
  explain(rc) {
    const inUse = rc.ofKind("connection-in-use");
    const cantConnect = rc.ofKind("cant-connect")[0];
    const addressInUse = rc.tracebacks.find((tb) => /Address already in use/.test(tb.exception.message));
    if (inUse.length === 0 && !cantConnect && !addressInUse) return void 0;
    const address = cantConnect?.address ?? inUse[0]?.address ?? addressInUse?.exception.message ?? "";
    const portNumber = /(\d+)\)?$/.exec(address)?.[1];
    const command = commandLine(rc);
    const script = /([\w./-]+\.sh)\b/.exec(command?.text ?? "")?.[1];
    const scriptFile = script ? rc.inContext(script.replace(/^\.?\//, "")) : void 0;
    const found = scriptFile ? rc.repo.findLine(scriptFile, /&\s*$/) : void 0;
    const background = found && scriptFile ? { file: scriptFile, ...found } : void 0;
    const evidence = present(
      inUse[0]?.lines[0].text,
      inUse.find((e) => e.error)?.lines[0].text,
      cantConnect?.lines[0].text,
      addressInUse?.exception.line
    );
    if (background) evidence.push(background.text.trim());
    return {
      reason: "port-in-use",
      summary: `Port ${portNumber ?? address} inside the container is already taken, so Gunicorn could not bind ${code(address)}${background ? `; ${code(background.file)} starts ${code(background.text.trim())} before it` : ""}.`,
      evidence,
      location: firstLocation(background, command),
      remedy: `Make sure nothing else in the container listens on ${portNumber ? `port ${portNumber}` : "that address"} (a process started by the entrypoint, or the same address bound twice); give the other process its own port.`
    };
  }
};
function unreachableBind(rc) {
  const binds = rc.ctx.state.binds;
  const port = rc.ctx.settings.port;
  const listening = rc.ofKind("listening")[0];
  const command = commandLine(rc);
  if (binds.length > 0 && binds.every((b) => LOOPBACK.test(b))) {
    return {
      reason: "boot-timeout",
      summary: `Gunicorn listens on ${code(binds.join(", "))}, the loopback interface inside the container, so nothing from outside can reach it.`,
      evidence: present(listening?.lines[0].text, command?.text),
      location: firstLocation(
        command && /127\.0\.0\.1|localhost/.test(command.text) && command,
        configSetting(rc, /^\s*bind\s*=.*(127\.0\.0\.1|localhost)/)
      ),
      remedy: `Bind to all interfaces: ${code("--bind 0.0.0.0:$PORT")} (shell-form CMD) or ${code(`bind = f"0.0.0.0:{os.environ.get('PORT', '${port}')}"`)} in gunicorn.conf.py.`
    };
  }
  if (binds.length > 0 && binds.every((b) => b.startsWith("unix:"))) {
    return {
      reason: "boot-timeout",
      summary: `Gunicorn listens only on ${code(binds.join(", "))}, a Unix socket, not on TCP port ${port}.`,
      evidence: present(listening?.lines[0].text),
      location: firstLocation(command),
      remedy: `Add a TCP bind for the smoke test: ${code(`--bind 0.0.0.0:${port}`)}.`
    };
  }
  const ports = binds.map((b) => /:(\d+)$/.exec(b)?.[1]).filter((p) => Boolean(p));
  if (ports.length > 0 && !ports.includes(String(port))) {
    return {
      reason: "boot-timeout",
      summary: `Gunicorn listens on port ${ports.join(", ")} but the smoke test probes port ${port}.`,
      evidence: present(listening?.lines[0].text),
      location: firstLocation(command),
      remedy: `Bind to ${code("0.0.0.0:$PORT")} (the action sets ${code(`PORT=${port}`)}), or set the action's \`port\` input to ${ports[0]}.`
    };
  }
  return void 0;
}

// src/diagnosis/reasons/port-in-use.ts
var port_in_use_default = defineReason({
  id: "port-in-use",
  title: "Port already in use",
  headline: "port already in use",
  readme: "Gunicorn could not bind its address",
  fixtures: [{ path: "__fixtures__/apps/fail-port-in-use", test: "__tests__/diagnosis.itg.ts" }],
  rules: [legacyRule("boot", "portInUse", portInUse)],
  words: asIs
});

// src/diagnosis/reasons/app-not-found.ts
var app_not_found_default = defineReason({
  id: "app-not-found",
  title: "Application object not found",
  headline: "application not found",
  namesCulprit: true,
  readme: "exit 4: the `module:attribute` of the app is wrong",
  fixtures: [{ path: "__fixtures__/apps/fail-app-not-found", test: "__tests__/diagnosis.itg.ts" }],
  rules: [legacyRule("boot", "appNotFound", appNotFound)],
  words: asIs
});

// src/diagnosis/context.ts
import { existsSync, readFileSync, statSync } from "node:fs";
import path10 from "node:path";
var COMMON_WORKDIRS = ["/app", "/code", "/srv", "/usr/src/app", "/opt/app", "/home/app", "/workspace", "/src"];
var LIBRARY_PATH = /(site-packages|dist-packages)\/|^<frozen |^\/usr\/(local\/)?lib\/python\d|^\/usr\/(local\/)?bin\/|^<string>$/;
var RepoFiles = class {
  constructor(repoRoot) {
    this.repoRoot = repoRoot;
  }
  repoRoot;
  cache = /* @__PURE__ */ new Map();
  absolute(relative2) {
    return path10.resolve(this.repoRoot, relative2);
  }
  isFile(relative2) {
    try {
      return statSync(this.absolute(relative2)).isFile();
    } catch {
      return false;
    }
  }
  read(relative2) {
    if (!this.cache.has(relative2)) {
      let text;
      try {
        text = this.isFile(relative2) ? readFileSync(this.absolute(relative2), "utf8") : void 0;
      } catch {
        text = void 0;
      }
      this.cache.set(relative2, text);
    }
    return this.cache.get(relative2);
  }
  /** First line (1-based) matching, with its text. */
  findLine(relative2, pattern) {
    const text = this.read(relative2);
    if (text === void 0) return void 0;
    const lines = text.split("\n");
    const index = lines.findIndex((line) => pattern.test(line));
    return index === -1 ? void 0 : { line: index + 1, text: lines[index] };
  }
};
var RuleContext = class {
  constructor(ctx) {
    this.ctx = ctx;
    this.repo = new RepoFiles(ctx.paths.repoRoot);
    this.tracebacks = ctx.events.filter((event) => event.kind === "traceback");
    this.contextRel = toPosix(path10.relative(ctx.paths.repoRoot, ctx.paths.contextDir));
  }
  ctx;
  repo;
  tracebacks;
  /** Relative (to the repo root, POSIX) path of the build context: '' when it is the root. */
  contextRel;
  ofKind(kind) {
    return this.ctx.events.filter((event) => event.kind === kind);
  }
  /** The first traceback that explains the failure: a worker's or the master's, not Gunicorn's own HaltServer. */
  primaryTraceback(match) {
    const candidates = this.tracebacks.filter((tb) => !tb.exception.type.endsWith("HaltServer") && (!match || match(tb)));
    return candidates.find((tb) => tb.pid !== void 0) ?? candidates.find((tb) => tb.frames.length > 0) ?? candidates[0];
  }
  /** Path relative to the repository root for a path relative to the build context. */
  inContext(relative2) {
    return toPosix(path10.posix.join(this.contextRel, relative2));
  }
  /** Maps a container path back into the repository; undefined when no such file exists there. */
  mapContainerPath(containerPath) {
    if (!containerPath.startsWith("/") || LIBRARY_PATH.test(containerPath)) return void 0;
    const workdirs = this.ctx.paths.workdir ? [this.ctx.paths.workdir, ...COMMON_WORKDIRS] : COMMON_WORKDIRS;
    for (const workdir of workdirs) {
      const base = workdir.endsWith("/") ? workdir : `${workdir}/`;
      if (containerPath.startsWith(base)) {
        const candidate = this.inContext(containerPath.slice(base.length));
        if (this.repo.isFile(candidate)) return candidate;
      }
    }
    const segments = containerPath.split("/").filter(Boolean);
    for (let start = 1; start < segments.length; start++) {
      const candidate = this.inContext(segments.slice(start).join("/"));
      if (this.repo.isFile(candidate)) return candidate;
    }
    return void 0;
  }
  /**
   * Tracebacks grouped as Python printed them: a first one, then those chained to it ("During handling of the
   * above exception…", "…was the direct cause…"). Each chain ends with the exception that was actually raised.
   */
  tracebackChains() {
    const chains = [];
    for (const tb of this.tracebacks) {
      if (tb.chained && chains.length > 0) chains[chains.length - 1].push(tb);
      else chains.push([tb]);
    }
    return chains;
  }
  /** The deepest frame in the user's code (mapped into the repo when possible). */
  userFrame(tb) {
    if (!tb) return void 0;
    let fallback;
    for (let i = tb.frames.length - 1; i >= 0; i--) {
      const frame = tb.frames[i];
      if (LIBRARY_PATH.test(frame.file)) continue;
      const text = frameText(frame);
      const file = this.mapContainerPath(frame.file);
      if (file) return { frame, location: { file, line: frame.line, containerPath: frame.file }, text };
      fallback ??= { frame, text };
    }
    return fallback;
  }
  /** The Gunicorn line that ended the boot: `Reason: …`, HaltServer, `exited with code`, `Can't connect`. */
  gunicornOutcomeLine() {
    const priorities = ["shutdown", "halt-server", "cant-connect", "worker-exit", "worker-signal"];
    for (const kind of priorities) {
      const events2 = this.ofKind(kind);
      const event = kind === "shutdown" ? events2.find((e) => e.reason) : events2[0];
      if (event) return event.lines[0].text;
    }
    return void 0;
  }
  /** Evidence for a traceback: the user frame, the exception line, then the Gunicorn outcome line. */
  tracebackEvidence(tb, frame = this.userFrame(tb)) {
    const evidence = [...frame?.text ?? [], tb.exception.line];
    const outcome = this.gunicornOutcomeLine();
    if (outcome) evidence.push(outcome);
    return evidence;
  }
  /** The Dockerfile path relative to the repo root, if it exists. */
  dockerfile() {
    const absolute = this.ctx.paths.dockerfile ?? path10.join(this.ctx.paths.contextDir, "Dockerfile");
    const relative2 = toPosix(path10.relative(this.ctx.paths.repoRoot, absolute));
    return this.repo.isFile(relative2) ? relative2 : void 0;
  }
  /** The CMD/ENTRYPOINT line of the Dockerfile (last one wins in Docker, so the last is returned). */
  dockerCommandLine() {
    const file = this.dockerfile();
    const text = file ? this.repo.read(file) : void 0;
    if (!file || text === void 0) return void 0;
    const lines = text.split("\n");
    for (let i = lines.length - 1; i >= 0; i--) {
      if (/^\s*(CMD|ENTRYPOINT)\b/i.test(lines[i])) return { file, line: i + 1, text: lines[i].trim() };
    }
    return void 0;
  }
  /** The Gunicorn config file used: `-c/--config X` in the Dockerfile command, else ./gunicorn.conf.py. */
  gunicornConfigFile() {
    const command = this.dockerCommandLine()?.text ?? "";
    const explicit = /(?:-c|--config)["',\s=]+["']?([^"'\s,\]]+)/.exec(command)?.[1];
    const names = explicit ? [explicit.replace(/^python:/, "").replace(/^\.\//, "")] : ["gunicorn.conf.py"];
    for (const name of names) {
      const candidate = this.inContext(name);
      if (this.repo.isFile(candidate)) return candidate;
    }
    return void 0;
  }
  /** First requirements file in the build context. */
  requirementsFile() {
    for (const name of [
      "requirements.txt",
      "requirements/base.txt",
      "requirements/prod.txt",
      "requirements/production.txt",
      "pyproject.toml",
      "Pipfile",
      "setup.py"
    ]) {
      const candidate = this.inContext(name);
      if (this.repo.isFile(candidate)) return candidate;
    }
    return void 0;
  }
  /** Python module `a.b` → its file in the context (`a/b.py` or `a/b/__init__.py`). */
  moduleFile(moduleName) {
    const base = moduleName.replace(/\./g, "/");
    for (const candidate of [`${base}.py`, `${base}/__init__.py`]) {
      const relative2 = this.inContext(candidate);
      if (this.repo.isFile(relative2)) return relative2;
    }
    return void 0;
  }
  /** Whether a module or package directory of that name exists anywhere near the context root. */
  localModuleExists(moduleName) {
    const top = moduleName.split(".")[0];
    for (const candidate of [`${top}.py`, `${top}/__init__.py`, `src/${top}.py`, `src/${top}/__init__.py`]) {
      const relative2 = this.inContext(candidate);
      if (this.repo.isFile(relative2)) return relative2;
    }
    const dir = this.repo.absolute(this.inContext(top));
    return existsSync(dir) && statSync(dir).isDirectory() ? this.inContext(top) : void 0;
  }
};
function frameText(frame) {
  const head = `  File "${frame.file}", line ${frame.line}${frame.func ? `, in ${frame.func}` : ""}`;
  return frame.code ? [head, `    ${frame.code}`] : [head];
}
function toPosix(p) {
  return p.split(path10.sep).join("/");
}

// src/diagnosis/rules/imports.ts
var syntaxError = {
  reason: "syntax-error",
  explain(rc) {
    const tb = rc.primaryTraceback((t) => exceptionIs(t, "SyntaxError", "IndentationError", "TabError"));
    if (!tb) return syntaxErrorMessage(rc);
    const last = tb.frames[tb.frames.length - 1];
    const file = last ? rc.mapContainerPath(last.file) : void 0;
    const location = file && last ? { file, line: last.line, containerPath: last.file } : rc.userFrame(tb)?.location;
    const shown2 = location ? fileLine(location) : last ? `${last.file}:${last.line}` : "the application";
    return {
      reason: "syntax-error",
      summary: `${code(shown2)} has a ${tb.exception.type.split(".").pop()}: ${tb.exception.message}.`,
      evidence: [...last ? frameText(last) : [], tb.exception.line, ...present(rc.gunicornOutcomeLine())],
      location,
      remedy: `Fix the syntax at ${code(shown2)}; ${code(`python -m py_compile ${location?.file ?? "file.py"}`)} reproduces it without Docker.`
    };
  }
};
var missingDependency = {
  reason: "missing-dependency",
  explain(rc) {
    const tb = rc.primaryTraceback(
      (t) => /^No module named '?([\w.]+)'?/.test(t.exception.message) && exceptionIs(t, "ModuleNotFoundError", "ImportError")
    );
    if (!tb) return importCutShort(rc);
    const moduleName = /^No module named '?([\w.]+)'?/.exec(tb.exception.message)[1];
    const frame = rc.userFrame(tb);
    const { pipName, differs } = pipPackageFor(moduleName);
    const local = rc.localModuleExists(moduleName);
    const requirements = rc.requirementsFile();
    const importedAt = where(frame?.location);
    const special = gunicornItself(rc, tb, moduleName) ?? appModule(rc, tb, moduleName, frame !== void 0);
    if (special && !local) return special;
    if (local) {
      return {
        reason: "missing-dependency",
        summary: `The app imports ${code(moduleName)}${importedAt}, which exists in the repository (${code(local)}) but is not importable in the container.`,
        evidence: rc.tracebackEvidence(tb, frame),
        location: frame?.location,
        remedy: `Check that the Dockerfile copies ${code(local)} and that Gunicorn runs from the right directory (${code("--chdir")}, ${code("WORKDIR")} or ${code("PYTHONPATH")}).`
      };
    }
    const crlf = crlfScript(rc);
    if (crlf) {
      return {
        reason: "missing-dependency",
        summary: `The app module ${code(moduleName)} is not importable because ${code(crlf.script)} has Windows (CRLF) line endings: its commands (a ${code("cd")}, an ${code("export")}) failed before Gunicorn started (${code(crlf.line.trim())}).`,
        evidence: [crlf.line, ...rc.tracebackEvidence(tb, frame)],
        location: frame?.location,
        remedy: `Convert ${code(crlf.script)} to LF line endings (${code("dos2unix")}, or ${code("*.sh text eol=lf")} in .gitattributes) and rebuild.`
      };
    }
    return {
      reason: "missing-dependency",
      summary: `The app imports ${code(moduleName)}${importedAt}, which is not installed in the image.`,
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location,
      remedy: `Add ${code(pipName)} to ${requirements ? code(requirements) : "the requirements installed by the Dockerfile"}${differs ? ` (the import name ${code(moduleName.split(".")[0])} differs from the package name)` : ""}.`
    };
  }
};
var importError = {
  reason: "import-error",
  explain(rc) {
    const tb = rc.primaryTraceback((t) => exceptionIs(t, "ImportError") && /cannot import name/.test(t.exception.message));
    if (!tb) return raisedAtImport(rc);
    const m = /cannot import name '([^']+)' from '([^']+)'(?: \(([^)]+)\))?/.exec(tb.exception.message);
    const name = m?.[1] ?? /cannot import name '?([\w.]+)'?/.exec(tb.exception.message)?.[1] ?? "?";
    const fromModule = m?.[2];
    const didYouMean = /Did you mean: '([^']+)'/.exec(tb.exception.message)?.[1];
    const circular = /partially initialized module|circular import/.test(tb.exception.message);
    const ownFile = m?.[3] ? rc.mapContainerPath(m[3]) : fromModule ? rc.moduleFile(fromModule) : void 0;
    const frame = rc.userFrame(tb);
    const at = frame?.location ? `${code(fileLine(frame.location))} imports` : "The app imports";
    const summary2 = circular ? `${at} ${code(name)} from ${code(fromModule ?? "?")} during a circular import (the module is only partially initialized).` : ownFile ? `${at} ${code(name)} from ${code(fromModule ?? "?")}, but ${code(ownFile)} does not define it.` : `${at} ${code(name)} from ${code(fromModule ?? "?")}, which the installed version of ${code((fromModule ?? "?").split(".")[0])} does not provide.`;
    return {
      reason: "import-error",
      summary: summary2,
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location,
      remedy: circular ? "Break the cycle: move the shared code into its own module, or import inside the function that needs it." : ownFile ? didYouMean ? `Import ${code(didYouMean)}, which ${code(ownFile)} defines, or define ${code(name)} there.` : `Define ${code(name)} in ${code(ownFile)} or import the name it actually has.` : `Pin the version of ${code(pipPackageFor(fromModule ?? name).pipName)} that still provides ${code(name)} in the requirements, or update the import for the installed version.`
    };
  }
};
function syntaxErrorMessage(rc) {
  const logged = rc.ofKind("syntax-error-message")[0];
  if (!logged) return void 0;
  const reloaded = rc.ofKind("worker-reloading").find((r) => r.file.endsWith(`/${logged.file}`) || r.file === logged.file);
  const file = reloaded ? rc.mapContainerPath(reloaded.file) : rc.moduleFile(logged.file.replace(/\.py$/, "").replace(/\//g, "."));
  const location = file ? { file, line: logged.line, containerPath: reloaded?.file } : void 0;
  const shown2 = `${location?.file ?? logged.file}:${logged.line}`;
  return {
    reason: "syntax-error",
    summary: `${code(shown2)} has a SyntaxError: ${logged.message}${reloaded ? " (saved while Gunicorn ran with --reload; the reloaded worker could not import it)" : ""}.`,
    evidence: present(reloaded?.lines[0].text, logged.lines[0].text, rc.gunicornOutcomeLine()),
    location,
    remedy: `Fix the syntax at ${code(shown2)}; ${code(`python -m py_compile ${location?.file ?? logged.file}`)} reproduces it without Docker.`
  };
}
function raisedAtImport(rc) {
  const tb = rc.primaryTraceback(
    (t) => exceptionIs(t, "NameError", "AttributeError") && t.frames.some((f) => f.func === "<module>" || /gunicorn\/util\.py$/.test(f.file))
  );
  if (!tb) return void 0;
  const frame = rc.userFrame(tb);
  const at = frame?.location ? fileLine(frame.location) : frame ? `${frame.frame.file}:${frame.frame.line}` : void 0;
  const moduleAttr = /^module '([^']+)' has no attribute '([^']+)'/.exec(tb.exception.message);
  return {
    reason: "import-error",
    summary: `${at ? code(at) : "The app"} raises ${code(tb.exception.line)} while Gunicorn imports the app${moduleAttr ? `: the installed ${code(moduleAttr[1])} is not the package the code expects (another version, or a different package of that name)` : ""}.`,
    evidence: rc.tracebackEvidence(tb, frame),
    location: frame?.location,
    remedy: moduleAttr ? `Install the ${code(moduleAttr[1])} the code was written for (check its name and version in the requirements), or update the code for the installed one.` : `Define the name before it is used at ${code(at ?? "module level")} (a typo, a missing import, or code that only runs in development).`
  };
}
var IMPORT_SITES = [
  {
    file: /\/uvicorn\/config\.py$/,
    func: "setup_event_loop",
    module: "uvloop",
    what: "the uvicorn worker's event loop (its Gunicorn worker asks for uvloop)",
    instead: 'or run the worker with the asyncio loop (a `UvicornWorker` subclass with `CONFIG_KWARGS = {"loop": "asyncio"}`)'
  }
];
function importCutShort(rc) {
  for (const cut of rc.ofKind("cut-traceback")) {
    const inImport = cut.frames.slice(-1)[0]?.file.startsWith("<frozen importlib");
    const site = inImport ? IMPORT_SITES.find((s) => cut.frames.some((f) => s.file.test(f.file) && f.func === s.func)) : void 0;
    if (!site) continue;
    const frame = cut.frames.find((f) => site.file.test(f.file) && f.func === site.func);
    return {
      reason: "missing-dependency",
      summary: `A worker failed importing ${site.what}: ${code(site.module)} is not installed in the image (the log ends inside that import).`,
      evidence: [...frameText(frame), ...present(rc.gunicornOutcomeLine())],
      remedy: `Add ${code(site.module)} to ${rc.requirementsFile() ? code(rc.requirementsFile()) : "the requirements installed by the Dockerfile"}, ${site.instead}.`
    };
  }
  return void 0;
}
function gunicornItself(rc, tb, moduleName) {
  if (moduleName.split(".")[0] !== "gunicorn") return void 0;
  return {
    reason: "missing-dependency",
    summary: `Gunicorn itself is not installed for the Python that runs the ${code("gunicorn")} command (${code(tb.exception.line)}).`,
    evidence: rc.tracebackEvidence(tb),
    remedy: `Install ${code("gunicorn")} in the same environment as the app (its requirements, the same virtualenv), or start it with ${code("python -m gunicorn")} from that Python.`
  };
}
function appModule(rc, tb, moduleName, hasUserFrame) {
  if (hasUserFrame || !tb.frames.some((f) => /gunicorn\/util\.py$/.test(f.file) && f.func === "import_app")) return void 0;
  return {
    reason: "missing-dependency",
    summary: `Gunicorn cannot import the app module ${code(moduleName)} it was told to load: it is not importable where Gunicorn runs (not copied into the image, another working directory, or installed for another Python).`,
    evidence: rc.tracebackEvidence(tb),
    location: firstLocation(commandLine(rc)),
    remedy: `Check that the image contains ${code(moduleName.replace(/\./g, "/"))} and that Gunicorn starts in its directory (${code("--chdir")}, ${code("WORKDIR")} or ${code("PYTHONPATH")}); an entrypoint script that fails its ${code("cd")} (e.g. CRLF line endings) has the same effect.`
  };
}
function crlfScript(rc) {
  for (const line of rc.ctx.lines) {
    const m = /([\w./-]+\.sh): line \d+: .*\$'[^']*\\r'/.exec(line.text);
    if (m) return { script: m[1].split("/").pop(), line: line.text };
  }
  return void 0;
}

// src/diagnosis/reasons/syntax-error.ts
var syntax_error_default = defineReason({
  id: "syntax-error",
  title: "Syntax error",
  headline: "syntax error",
  readme: "a `SyntaxError` in your code, on its file and line",
  fixtures: [{ path: "__fixtures__/apps/fail-syntax-error", test: "__tests__/diagnosis.itg.ts" }],
  rules: [legacyRule("boot", "syntaxError", syntaxError)],
  words: asIs
});

// src/diagnosis/rules/environment.ts
var ENV_FRAME = /environ|getenv|os\.py$|<frozen os>/;
var ENV_NAME2 = /^'[A-Z][A-Z0-9_]*'$/;
var missingEnv = {
  reason: "missing-env",
  explain(rc) {
    const keyError = rc.primaryTraceback(
      (tb2) => exceptionIs(tb2, "KeyError") && (tb2.frames.some(
        (f) => ENV_FRAME.test(f.code ?? "") || ENV_FRAME.test(f.file) || f.func === "__getitem__" && !/configparser/.test(f.file)
      ) || // A bare `KeyError: 'SECRET_KEY'` (the frames were not pasted): an environment-style name.
      tb2.frames.length === 0 && ENV_NAME2.test(tb2.exception.message))
    );
    const improperly = rc.primaryTraceback((tb2) => exceptionIs(tb2, "ImproperlyConfigured") && /environment variable/i.test(tb2.exception.message));
    const tb = keyError ?? improperly;
    if (!tb) return emptySpecVariable(rc);
    const name = /^'([^']+)'$/.exec(tb.exception.message)?.[1] ?? /(?:Set the |variable )([A-Z][A-Z0-9_]+)/.exec(tb.exception.message)?.[1] ?? tb.exception.message;
    const frame = rc.userFrame(tb);
    const hostFilled = rc.ctx.env.hostFilled?.includes(name);
    const provided = rc.ctx.env.provided.includes(name);
    return {
      reason: "missing-env",
      summary: `The app needs the environment variable ${code(name)}, which is not set in the container${frame?.location ? `: ${code(fileLine(frame.location))} reads it at import` : ""}.`,
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location,
      remedy: hostFilled ? `The hosting blueprint leaves ${code(name)} for the host to fill (e.g. render.yaml \`sync: false\`), so pass a test value with the action's \`env\` input.` : provided ? `${code(name)} was passed to the container yet the lookup failed: check its spelling where it is read, or read it with ${code(`os.environ.get("${name}")`)} and handle the absence.` : `Pass ${code(name)} with the action's \`env\` input (a secret or a harmless test value), or read it with ${code(`os.environ.get("${name}", default)`)}.`
    };
  }
};
function emptySpecVariable(rc) {
  const tb = rc.primaryTraceback((t) => /^No module named '(\.[\w.]*|[\w.]*\.|[\w.]*\.\.[\w.]*)'/.test(t.exception.message));
  if (!tb) return void 0;
  const empty = rc.ctx.lines.map((l) => /\b([A-Z][A-Z0-9_]*)=(?=[\s,;)\]]|$)/.exec(l.text)).find((m) => m !== null);
  if (!empty) return void 0;
  const moduleName = /^No module named '([^']*)'/.exec(tb.exception.message)[1];
  return {
    reason: "missing-env",
    summary: `Gunicorn was asked to import ${code(moduleName)}, a module name with an empty part: the environment variable ${code(empty[1])} it is built from is empty (the log shows ${code(empty[0])}).`,
    evidence: present(rc.ctx.lines.find((l) => l.text.includes(empty[0]))?.text, tb.exception.line, rc.gunicornOutcomeLine()),
    remedy: `Pass ${code(empty[1])} with the action's \`env\` input (the value the image expects), or give it a default where the command is built.`
  };
}
var DB_EXCEPTION = /(OperationalError|InterfaceError|ConnectionError|ConnectionRefusedError|ServerSelectionTimeoutError|CannotConnectNowError|InvalidCatalogNameError|InvalidPasswordError|AuthenticationError|gaierror|TimeoutError)$/;
var DB_MESSAGE = /could not translate host name|connection to server|Connection refused|could not connect to server|Can't connect to (MySQL|Redis)|Error -?\d+ connecting to|Name or service not known|Temporary failure in name resolution|timeout expired|No route to host|password authentication failed|database "[^"]+" does not exist|Unknown database|Access denied for user|invalid username-password pair|NOAUTH|Authentication required/i;
function readDatabaseError(text) {
  const host = /host name "([^"]+)"/.exec(text)?.[1] ?? /server at "([^"]+)"/.exec(text)?.[1] ?? /Can't connect to \w+ server on '([^']+)'/.exec(text)?.[1] ?? /Error -?\d+ connecting to (\[[^\]]+\]|[^:\s]+):\d+/.exec(text)?.[1] ?? /connect to server: .*?"([^"]+)"/.exec(text)?.[1];
  const port = /port (\d+) failed/.exec(text)?.[1] ?? /Error -?\d+ connecting to (?:\[[^\]]+\]|[^:\s]+):(\d+)/.exec(text)?.[1];
  const user = /for user "([^"]+)"/.exec(text)?.[1] ?? /Access denied for user '([^']+)'/.exec(text)?.[1];
  const database = /database "([^"]+)" does not exist/.exec(text)?.[1] ?? /Unknown database '([^']+)'/.exec(text)?.[1];
  const failure = /could not translate host name|Name or service not known|Temporary failure in name resolution|nodename nor servname|gaierror|Unknown (MySQL )?server host/i.test(
    text
  ) ? "unresolved" : /password authentication failed|no password supplied|Access denied for user|invalid username-password pair|WRONGPASS|NOAUTH|AuthenticationError|Authentication required|role "[^"]+" does not exist/i.test(
    text
  ) ? "auth" : database ? "missing-database" : /Connection refused|Cannot assign requested address|Errno 111|Error 111|Error 99/i.test(text) ? "refused" : /timeout expired|timed out|No route to host|TimeoutError/i.test(text) ? "timeout" : "other";
  return { failure, host, port, user, database };
}
function serviceKind(text) {
  if (/redis/i.test(text)) return "Redis";
  if (/mysql/i.test(text)) return "MySQL";
  if (/mongo/i.test(text)) return "MongoDB";
  if (/psycopg|postgres|asyncpg|port 5432/i.test(text)) return "PostgreSQL";
  return "the database";
}
function databaseWording({ failure, host, port, user, database }) {
  const loopback = host !== void 0 && LOOPBACK.test(host);
  const lazily = "or connect on first request instead of while the app loads, so it can boot without the service";
  const viaNetwork = `join the service's Docker network with the \`network\` input (e.g. ${code("${{ job.services.postgres.network }}")}) and use its name`;
  const wording = {
    unresolved: {
      what: `the name ${code(host ?? "?")} does not resolve inside the container`,
      remedy: `${code(host ?? "That host")} only exists on the network where the app normally runs (a docker-compose or CI service): ${viaNetwork}, or point the URL given with \`env\` at ${code("host.docker.internal")} and the port the service publishes on the runner; ${lazily}.`
    },
    refused: {
      what: loopback ? `nothing listens there: inside the container ${code(host)} is the container itself` : "the connection is refused",
      remedy: loopback ? `Point the URL at ${code("host.docker.internal")} to reach a service the workflow publishes on the runner (GitHub \`services:\` with \`ports:\`), or ${viaNetwork}; ${lazily}.` : `Check that the service runs and publishes port ${port ?? "its port"} on the runner (\`ports:\` under GitHub \`services:\`), and that the URL given with \`env\` uses that port; ${lazily}.`
    },
    auth: {
      what: `the server rejects the credentials${user ? ` of user ${code(user)}` : ""}`,
      remedy: `Pass the user and password the test database was created with (e.g. the service's ${code("POSTGRES_USER")}/${code("POSTGRES_PASSWORD")}) in the URL given with \`env\`.`
    },
    "missing-database": {
      what: `the server has no database ${code(database ?? "?")}`,
      remedy: `Create ${code(database ?? "the database")} in the service (e.g. ${code(`POSTGRES_DB: ${database ?? "app"}`)}) or point the URL given with \`env\` at a database that exists.`
    },
    timeout: {
      what: "the connection times out",
      remedy: `Make the service reachable from the container (${code("host.docker.internal")} for ports published on the runner, or the \`network\` input), ${lazily}.`
    },
    other: {
      what: "the connection fails",
      remedy: `Make the service reachable from the container (${code("host.docker.internal")} or the \`network\` input) with a URL passed with \`env\`, ${lazily}.`
    }
  };
  return wording[failure];
}
var databaseUnreachable = {
  reason: "database-unreachable",
  explain(rc) {
    const isDbError = (t) => DB_EXCEPTION.test(t.exception.type) && (DB_MESSAGE.test(t.exception.message) || /OperationalError$/.test(t.exception.type));
    const chain = rc.tracebackChains().find((c) => c.some(isDbError));
    if (!chain) return cutWhileConnecting(rc);
    const dbErrors = chain.filter(isDbError);
    const outer = dbErrors[dbErrors.length - 1];
    const text = chain.map((t) => `${t.exception.type}: ${t.exception.message}`).join("\n");
    const dbError = readDatabaseError(text);
    const frame = [...chain].reverse().map((t) => rc.userFrame(t)).find((f) => f?.location) ?? rc.userFrame(outer);
    const subject = dbError.host ? `${serviceKind(text)} at ${code(dbError.host)}${dbError.port ? ` port ${dbError.port}` : ""}` : serviceKind(text);
    const { what, remedy } = databaseWording(dbError);
    const cause = dbErrors[0] !== outer ? dbErrors[0].exception.line : void 0;
    return {
      reason: "database-unreachable",
      summary: `The app connects to ${subject} while it loads${where(frame?.location)}, and ${what}.`,
      evidence: [
        ...frame?.text ?? [],
        outer.exception.line,
        ...cause && !outer.exception.message.includes(dbErrors[0].exception.message) ? [cause] : [],
        ...present(rc.gunicornOutcomeLine())
      ],
      location: frame?.location,
      remedy
    };
  }
};
var DB_CONNECT_FRAME = /\/(django\/db\/backends|psycopg2?|pymysql|MySQLdb|sqlalchemy\/engine|sqlalchemy\/pool|asyncpg|redis|pymongo)\//;
var CONNECT_FUNC = /^(ensure_connection|connect|_connect|get_new_connection|__connect|_do_get|raw_connection|connection)$/;
function cutWhileConnecting(rc) {
  const cut = rc.ofKind("cut-traceback").find((tb) => tb.frames.slice(-3).some((f) => DB_CONNECT_FRAME.test(f.file) && CONNECT_FUNC.test(f.func ?? "")));
  if (!cut) return void 0;
  const connect = [...cut.frames].reverse().find((f) => DB_CONNECT_FRAME.test(f.file) && CONNECT_FUNC.test(f.func ?? ""));
  const kind = serviceKind(cut.frames.map((f) => f.file).join(" "));
  const { remedy } = databaseWording({ failure: "other" });
  return {
    reason: "database-unreachable",
    summary: `A worker failed while connecting to ${kind} during boot (${code(`${connect.func}`)} in ${code(connect.file.replace(/^.*\/(?:site|dist)-packages\//, ""))}); the log ends before the driver's error, so the exact failure is not shown.`,
    evidence: present(`  File "${connect.file}", line ${connect.line}, in ${connect.func}`, rc.gunicornOutcomeLine()),
    remedy
  };
}

// src/diagnosis/reasons/missing-env.ts
var missing_env_default = defineReason({
  id: "missing-env",
  title: "Missing environment variable",
  headline: "missing environment variable",
  namesCulprit: true,
  readme: "`KeyError: 'DATABASE_URL'` and friends: the variable the app needs",
  fixtures: [{ path: "__fixtures__/apps/fail-missing-env", test: "__tests__/diagnosis.itg.ts" }],
  rules: [legacyRule("boot", "missingEnv", missingEnv)],
  words: asIs
});

// src/diagnosis/reasons/database-unreachable.ts
var database_unreachable_default = defineReason({
  id: "database-unreachable",
  title: "Database unreachable at boot",
  headline: "database unreachable at boot",
  readme: "the app connects to its database at import and cannot",
  fixtures: [{ path: "__fixtures__/apps/fail-database-unreachable", test: "__tests__/diagnosis.itg.ts" }],
  rules: [legacyRule("boot", "databaseUnreachable", databaseUnreachable)],
  words: asIs
});

// src/diagnosis/reasons/missing-dependency.ts
var missing_dependency_default = defineReason({
  id: "missing-dependency",
  title: "Missing dependency",
  headline: "missing dependency",
  namesCulprit: true,
  readme: "`ModuleNotFoundError`, with the pip package name where it differs from the import name",
  fixtures: [{ path: "__fixtures__/apps/fail-missing-dependency", test: "__tests__/diagnosis.itg.ts" }],
  rules: [gunicornNotInstalled, legacyRule("boot", "missingDependency", missingDependency)],
  words: (facts) => "summary" in facts ? facts : startWords(facts)
});

// src/diagnosis/reasons/import-error.ts
var import_error_default = defineReason({
  id: "import-error",
  title: "Import error",
  headline: "import error",
  namesCulprit: true,
  readme: "`ImportError: cannot import name \u2026` (version mismatch, circular import), or a `NameError`/`AttributeError` raised by module-level code while Gunicorn imports the app",
  fixtures: [{ path: "__fixtures__/apps/fail-import-error", test: "__tests__/diagnosis.itg.ts" }],
  rules: [legacyRule("boot", "importError", importError)],
  words: asIs
});

// src/diagnosis/rules/resources.ts
var outOfMemory = {
  reason: "out-of-memory",
  explain(rc) {
    const enomem = memoryException(rc);
    if (enomem) return enomem;
    const { container } = rc.ctx;
    const timedOut = new Set(rc.ofKind("worker-timeout").map((e) => e.pid));
    const kills = rc.ofKind("worker-signal").filter((e) => e.signal === "SIGKILL" || e.signal === "9" || e.perhapsOom);
    const oomKills = kills.filter((e) => !timedOut.has(e.pid));
    const oomEvents = container.oomEvents ?? 0;
    const masterKilled = container.oomKilled === true || container.exitCode === 137 && container.memoryLimit !== void 0;
    if (oomKills.length === 0 && !masterKilled && oomEvents === 0) return void 0;
    if (oomKills.length === 0 && !masterKilled && kills.length > 0) return void 0;
    const limit = container.memoryLimit;
    const underLimit = limit ? ` under its ${code(limit)} memory limit` : "";
    const workers = configuredWorkers(rc) ?? rc.ctx.state.expectedWorkers;
    const evidence = oomKills.slice(0, 3).map((e) => e.lines[0].text);
    if (oomEvents > 0)
      evidence.push(`Docker reported ${oomEvents} OOM event${oomEvents === 1 ? "" : "s"} for the container${limit ? ` (memory limit ${limit})` : ""}`);
    if (masterKilled) evidence.push(`container ${container.oomKilled ? "OOMKilled" : "exit code 137"}${limit ? ` (memory limit ${limit})` : ""}`);
    const alsoTimeouts = kills.length > oomKills.length;
    const bigger = limit ? `run on an instance with more than ${code(limit)} (the \`memory\` input is the instance size the boot is tested at)` : "give the container more memory";
    if (oomKills.length === 0) {
      return {
        reason: "out-of-memory",
        summary: masterKilled ? `The container was killed for using too much memory${underLimit}${rc.ctx.state.bootedPids.length === 0 ? " before any worker booted: the master process itself ran out" : ""}.` : `The kernel's out-of-memory killer fired in the container${underLimit} while the app booted (${oomEvents} OOM event${oomEvents === 1 ? "" : "s"}).`,
        evidence,
        remedy: `Lower what the app allocates while it loads (load large data lazily)${preloads(rc) ? `; with ${code("preload_app")} the master imports the app, so the import alone must fit` : ""}, or ${bigger}.`
      };
    }
    return {
      reason: "out-of-memory",
      summary: `Workers were killed with SIGKILL ${oomKills.length} time${oomKills.length === 1 ? "" : "s"} without a timeout first: the container ran out of memory${limit ? ` (limit ${limit})` : ""}${workers ? ` with ${workers} worker${workers === 1 ? "" : "s"}` : ""}.`,
      evidence,
      remedy: `Start fewer workers${workers ? ` (${workers} now, each importing the app and holding its own copy)` : ""} with ${code("--workers")} or ${code("WEB_CONCURRENCY")}, load the app once in the master with ${code("preload_app = True")} (${code("--preload")}) so workers share its memory, lower what the import allocates, or ${bigger}${alsoTimeouts ? "; some other SIGKILLs followed a WORKER TIMEOUT and are timeouts, not memory" : ""}.`
    };
  }
};
var killed = (count) => `${count} worker${count === 1 ? "" : "s"}`;
function memoryException(rc) {
  const tb = rc.primaryTraceback((t) => exceptionIs(t, "MemoryError") || /\[Errno 12\] Cannot allocate memory/.test(t.exception.message));
  if (!tb) return void 0;
  const forking = tb.frames.some((f) => f.code === "pid = os.fork()" || f.func === "spawn_worker" || /os\.fork\(\)/.test(f.code ?? ""));
  const workers = configuredWorkers(rc) ?? rc.ctx.state.expectedWorkers;
  const limit = rc.ctx.container.memoryLimit;
  return {
    reason: "out-of-memory",
    summary: forking ? `The master could not fork a worker: ${code("os.fork()")} failed with ${code(tb.exception.line)}, the container has no memory left for another copy of the process${limit ? ` (limit ${limit})` : ""}.` : `The app ran out of memory while it loaded: ${code(tb.exception.line)}${limit ? ` (limit ${limit})` : ""}.`,
    evidence: present(rc.ofKind("main-loop-exception")[0]?.lines[0].text, ...rc.tracebackEvidence(tb)),
    remedy: forking ? `Lower what the master holds before it forks (with ${code("--preload")} the whole app is loaded there), start fewer workers${workers ? ` (${workers} now)` : ""}, or give the container more memory.` : "Lower what the import allocates (load large data lazily) or give the container more memory."
  };
}
function configuredWorkers(rc) {
  const inCommand = /(?:--workers|-w)["',\s=]+["']?(\d+)/.exec(commandLine(rc)?.text ?? "")?.[1];
  const inConfig = /=\s*(\d+)\s*$/.exec(configSetting(rc, /^\s*workers\s*=\s*\d+\s*$/)?.text ?? "")?.[1];
  const workers = Number(inCommand ?? inConfig);
  return Number.isInteger(workers) && workers > 0 ? workers : void 0;
}
function preloads(rc) {
  return /--preload/.test(commandLine(rc)?.text ?? "") || configSetting(rc, /^\s*preload_app\s*=\s*True/) !== void 0;
}
var workerTimeout = {
  reason: "worker-timeout",
  explain(rc) {
    const timeouts = rc.ofKind("worker-timeout");
    if (timeouts.length === 0) return void 0;
    const command = commandLine(rc);
    const inCommand = command && /(--timeout|-t)[\s"',=]+["']?(\d+)/.exec(command.text);
    const inConfig = inCommand ? void 0 : configSetting(rc, "timeout");
    const seconds = inCommand?.[2] ?? /=\s*(\d+)/.exec(inConfig?.text ?? "")?.[1] ?? "30";
    const location = firstLocation(inCommand ? command : void 0, inConfig);
    const booted = new Set(rc.ctx.state.bootedPids);
    const duringBoot = timeouts.filter((t) => booted.has(t.pid)).length;
    const evidence = [timeouts[0].lines[0].text];
    const bootLine = rc.ofKind("worker-boot").find((b) => b.pid === timeouts[0].pid);
    if (bootLine) evidence.unshift(bootLine.lines[0].text);
    if (command && inCommand) evidence.push(command.text);
    const healthyAt = rc.ctx.health?.firstHealthyAt;
    const servingTimeout = healthyAt !== void 0 && (timeouts[0].lines[0]?.at ?? 0) > healthyAt;
    const diagnosis = { reason: "worker-timeout", evidence, location };
    if (servingTimeout) {
      return {
        ...diagnosis,
        summary: `Gunicorn killed ${timeouts.length === 1 ? "a worker" : `${timeouts.length} workers`} with ${code("WORKER TIMEOUT")} while serving requests: a request kept the worker busy longer than Gunicorn's ${code("timeout")} of ${seconds} s.`,
        remedy: `Find the blocking call on the request path (with gevent workers, a C database driver or CPU-bound work blocks the whole worker), move slow work out of the request, or add workers/threads; raise ${code("--timeout")} only if such requests are expected.`
      };
    }
    return {
      ...diagnosis,
      summary: `Gunicorn killed ${killed(duringBoot || timeouts.length)} with ${code("WORKER TIMEOUT")}: loading the app took longer than Gunicorn's ${code("timeout")} of ${seconds} s.`,
      remedy: `Make the import fast (do not wait for services or load big data at import time) or raise ${code("--timeout")} above the real boot time.`
    };
  }
};

// src/diagnosis/reasons/out-of-memory.ts
var out_of_memory_default = defineReason({
  id: "out-of-memory",
  title: "Out of memory",
  headline: "out of memory",
  readme: "a worker or the container was killed for memory",
  fixtures: [{ path: "__fixtures__/apps/fail-out-of-memory", test: "__tests__/diagnosis.itg.ts" }],
  rules: [legacyRule("boot", "outOfMemory", outOfMemory)],
  words: asIs
});

// src/diagnosis/rules/hangs.ts
var NETWORK_FILES = /\/(socket|ssl|selectors)\.py$|\/http\/client\.py$|\/(urllib3|requests|httpx|psycopg2?|psycopg|redis|pymongo|pika|kombu|amqp|grpc|botocore|asyncpg|pymysql|MySQLdb|sqlalchemy)\//;
var NETWORK_FUNCS = /^(create_connection|connect|connect_ex|_connect|getaddrinfo|recv|recv_into|recvfrom|read|readline|sendall|do_handshake|select|poll|wait_for_connection)$/;
var LOCK_FILES = /\/(threading|queue|multiprocessing\/[\w/]+|concurrent\/futures\/[\w]+|asyncio\/[\w]+)\.py$/;
var LOCK_FUNCS = /^(acquire|wait|join|get|result|_wait_for_tstate_lock|run_until_complete)$/;
var workerHang = {
  reason: "worker-hang",
  explain(rc) {
    const request = rc.ctx.stackRequest;
    if (!request) return void 0;
    const dump = rc.ofKind("fatal-error").find((d) => d.lines[0].seq > request.afterSeq);
    const frames = dump ? crashedThread(dump)?.frames ?? [] : [];
    const seconds = Math.round(request.stuckForMs / 1e3);
    const bootLine = rc.ofKind("worker-boot").find((e) => e.pid === request.pid)?.lines[0].text;
    if (!dump || frames.length === 0) {
      return {
        reason: "worker-hang",
        summary: `Worker ${request.pid} never finished booting (stuck for ${seconds} s) and printed no stack when asked (faulthandler off, or the worker blocks signals).`,
        evidence: present(bootLine, ...rc.ctx.lines.slice(-2).map((l) => l.text)),
        remedy: `Find what the app does at import that can wait (a connection, a lock, a sleep); with the ${code("faulthandler")} input on (the default) and a Python app, the next run names the line.`
      };
    }
    if (!frames.some((f) => /^(load_wsgi|load_wsgiapp|import_app|load)$/.test(f.func))) return void 0;
    const user = faultUserFrame(rc, frames);
    const waiting = whatItWaitsOn(frames, user);
    const where2 = user ? `${code(fileLine(user.location))}${user.code ? ` (${code(user.code)})` : ""}` : code(`${frames[0].file}:${frames[0].line}`);
    const verb = user?.frame.func === "<module>" || frames.some((f) => f.func === "<module>" && !f.file.startsWith("<")) ? "importing" : "booting at";
    return {
      reason: "worker-hang",
      summary: `The worker is stuck ${verb} ${where2} after ${seconds} s${waiting === "network" ? `, waiting on a network connection (${code(frames[0].func)})` : ""}: it never finished booting, so nothing could answer.`,
      evidence: present(bootLine, dump.lines.find((l) => /thread 0x/i.test(l.text))?.text, ...stackLines(frames, user)),
      location: user?.location,
      remedy: REMEDIES[waiting]
    };
  }
};
var REMEDIES = {
  network: "The app connects to a service at import and the service never answers in CI: a service the CI run lacks (start it as a job service and pass `network`, or point the URL at it), or one that drops connections. Connect lazily at the first request, and give the connection a timeout so a missing service fails fast with an error.",
  sleep: "The app sleeps at import. Move the wait out of the import (a readiness check at the first request, or a background thread), or make it bounded and short.",
  lock: "The app waits at import on a lock, a thread, a queue or a future that nothing releases in the worker (often started before the fork, or a `preload_app` leftover). Start that work after the fork (`post_fork`) or at the first request.",
  computation: "The app is still computing at import. Move the work out of the import (build it ahead, cache it, or do it lazily), or raise Gunicorn\u2019s `timeout` and the `timeout` input so the boot may take that long."
};
function whatItWaitsOn(frames, user) {
  const inner = frames.slice(0, user ? Math.max(1, frames.indexOf(user.frame)) : 3);
  if (inner.some((f) => NETWORK_FILES.test(f.file) || f.file.endsWith("socket.py") && NETWORK_FUNCS.test(f.func))) return "network";
  if (user?.code && /\b(connect|create_connection|urlopen|getaddrinfo)\s*\(/.test(user.code)) return "network";
  if (user?.code && /\bsleep\s*\(/.test(user.code) && frames[0] === user.frame) return "sleep";
  if (inner.some((f) => LOCK_FILES.test(f.file) && LOCK_FUNCS.test(f.func))) return "lock";
  if (user?.code && /\.(acquire|join|wait)\s*\(/.test(user.code)) return "lock";
  return "computation";
}
function stackLines(frames, user) {
  const end = user ? frames.indexOf(user.frame) + 1 : 1;
  const shown2 = frames.slice(0, Math.min(end, 4));
  if (user && !shown2.includes(user.frame)) shown2.push(user.frame);
  return shown2.map((f) => `  File "${f.file}", line ${f.line} in ${f.func}`);
}

// src/diagnosis/reasons/worker-hang.ts
var worker_hang_default = defineReason({
  id: "worker-hang",
  title: "Worker stuck while booting",
  headline: "a worker is stuck while booting",
  readme: "a worker never finished booting: its stack (asked with SIGSEGV, printed by faulthandler) names the line it waits on, e.g. `app.py:4` (`time.sleep(3600)`)",
  fixtures: [
    { path: "__fixtures__/apps/fail-worker-hang", test: "__tests__/hang-crash.itg.ts" },
    { path: "__fixtures__/apps/fail-worker-timeout", test: "__tests__/diagnosis.itg.ts" }
  ],
  rules: [legacyRule("boot", "workerHang", workerHang)],
  words: asIs
});

// src/diagnosis/reasons/worker-timeout.ts
var worker_timeout_default = defineReason({
  id: "worker-timeout",
  title: "Worker timeout during boot",
  headline: "worker timeout",
  readme: "a worker took longer to boot than Gunicorn's `timeout`",
  fixtures: [{ path: "__fixtures__/apps/load-worker-timeout", test: "__tests__/concurrency.itg.ts" }],
  rules: [legacyRule("boot", "workerTimeout", workerTimeout)],
  words: asIs
});

// src/gunicorn/log-events.ts
var PREFIX = /^(?:\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4})\]|(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)) \[(\d+)\] \[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\] (.*)$/;
var SIGNAL_NAMES = { 1: "SIGHUP", 2: "SIGINT", 6: "SIGABRT", 9: "SIGKILL", 11: "SIGSEGV", 15: "SIGTERM" };
var PREFIXED = [
  [/^Booting worker with pid: (\d+)$/, (m) => ({ kind: "worker-boot", pid: Number(m[1]) })],
  [/^Worker exiting \(pid: (\d+)\)$/, (m) => ({ kind: "worker-exiting", pid: Number(m[1]) })],
  [/^Worker \(pid:(\d+)\) exited with code:? (\d+)\.?$/, (m) => ({ kind: "worker-exit", pid: Number(m[1]), code: Number(m[2]) })],
  [
    /^Worker \(pid:(\d+)\) was sent (.+?)!( Perhaps out of memory\?)?$/,
    (m) => ({ kind: "worker-signal", pid: Number(m[1]), signal: m[2], perhapsOom: Boolean(m[3]) })
  ],
  [
    /^Worker with pid (\d+) was terminated due to signal (\d+)$/,
    (m) => ({
      kind: "worker-signal",
      pid: Number(m[1]),
      signal: SIGNAL_NAMES[Number(m[2])] ?? `signal ${m[2]}`,
      perhapsOom: false
    })
  ],
  [/^WORKER TIMEOUT \(pid:(\d+)\)$/, (m) => ({ kind: "worker-timeout", pid: Number(m[1]) })],
  [/^Exception in worker process$/, (_m, prefix) => ({ kind: "worker-exception", pid: prefix.pid })],
  [/^Starting gunicorn (\S+)$/, (m) => ({ kind: "master-start", version: m[1] })],
  [/^Listening at: (.+?)(?: \((\d+)\))?$/, (m) => ({ kind: "listening", addresses: m[1].split(/,\s*/), masterPid: m[2] ? Number(m[2]) : void 0 })],
  [/^Using worker: (.+)$/, (m) => ({ kind: "worker-class", workerClass: m[1].trim() })],
  [/^Shutting down: (.+)$/, (m) => ({ kind: "shutdown", what: m[1] })],
  [/^Reason: (.+)$/, (m) => ({ kind: "shutdown", reason: m[1] })],
  [/^Connection in use: (.+)$/, (m) => ({ kind: "connection-in-use", address: m[1] })],
  [/^connection to (.+?) failed: (.+)$/, (m) => ({ kind: "connection-in-use", address: m[1], error: m[2] })],
  [/^Can't connect to (.+)$/, (m) => ({ kind: "cant-connect", address: m[1] })],
  [/^Handling signal: (\S+)$/, (m) => ({ kind: "handling-signal", signal: m[1] })],
  [/^Unhandled signal: (\S+)$/, (m) => ({ kind: "unhandled-signal", signal: m[1] })],
  [/^Unhandled exception in main loop$/, () => ({ kind: "main-loop-exception" })],
  [/^Invalid address: (.+)$/, (m) => ({ kind: "invalid-address", address: m[1] })],
  [/^Worker reloading: (.+?) modified$/, (m) => ({ kind: "worker-reloading", file: m[1] })],
  [/^(.+) \(([^(),]+\.py), line (\d+)\)$/, (m) => ({ kind: "syntax-error-message", message: m[1], file: m[2], line: Number(m[3]) })]
];
var CONFIG_ERRORS = [/^Error: (.+)$/, /^(Failed to read config file: .+)$/, /^(Invalid value for .+)$/, /^gunicorn: error: (.+)$/];
var APP_LOAD_ERRORS = [
  // 19.x: the spec could not be evaluated in the module
  /^Failed to find application: .+$/,
  /^Failed to find attribute '.*' in '.*'\.$/,
  /^Failed to find application object '.*' in '.*'$/,
  /^Application object must be callable\.$/,
  /^Failed to parse '.*' as an attribute name or function call\.$/,
  /^Function reference must be a simple name: .*$/,
  /^Function call arguments must be literals\.?$/,
  /^Error while loading the application:?$/
];

// src/diagnosis/rules/lifecycle.ts
var crashLoop = {
  reason: "crash-loop",
  explain(rc) {
    const deaths = rc.ctx.state.deaths.filter((d) => !d.bootException && d.signal !== "SIGTERM" && (d.code === void 0 || d.code !== 0));
    const enough = deaths.length >= 2 || rc.ctx.outcome === "unstable" && deaths.length >= 1;
    if (!enough) return void 0;
    const firstExit = rc.ofKind("worker-exit").find((e) => e.pid === deaths[0].pid)?.lines[0];
    const clue = lastWordsBefore(rc, deaths[0].seq);
    const tb = rc.primaryTraceback((t) => t.pid === void 0 || !rc.ctx.state.failedBootPids.includes(t.pid));
    const presumed = deaths.filter((d) => d.presumed).length;
    const codes = [...new Set(deaths.map((d) => d.code !== void 0 ? `code ${d.code}` : d.signal ?? "unlogged exit"))];
    const evidence = present(clue?.text, firstExit?.text, tb?.exception.line);
    const replacements = rc.ofKind("worker-boot").slice(-1)[0];
    if (replacements) evidence.push(replacements.lines[0].text);
    const health = rc.ctx.health?.ok ? " The health check passed between restarts, which hides the problem." : "";
    return {
      reason: "crash-loop",
      summary: `Workers keep exiting after they boot (${deaths.length} exits: ${codes.join(", ")}) and Gunicorn keeps replacing them${clue ? `; the app printed ${code(clue.text.trim().slice(0, 120))}` : ""}.${health}`,
      evidence,
      location: frameLocation(rc, tb),
      remedy: `Find what ends the worker after boot: a background thread calling ${code("os._exit")}/${code("sys.exit")}, a ${code("post_fork")} hook, or a crash in a native extension${presumed ? ' (Gunicorn 20.1 does not log exits with code 1: each "Booting worker" beyond the worker count is a replacement)' : ""}.`
    };
  }
};
var CROSS_STREAM_MS = 1e3;
function lastWordsBefore(rc, deathSeq) {
  const lines = rc.ctx.lines;
  const death = lines.find((l) => l.seq === deathSeq);
  const fromApp = (l) => isAppOutput(l.text);
  const before = [...lines].reverse().find((l) => l.seq < deathSeq && fromApp(l));
  if (!death || before && death.at - before.at <= CROSS_STREAM_MS) return before;
  const after = lines.find((l) => l.seq > deathSeq && l.stream !== death.stream && fromApp(l) && l.at - death.at <= CROSS_STREAM_MS);
  return after ?? before;
}
var bootTimeout = {
  reason: "boot-timeout",
  explain(rc) {
    const wrapper = wrapperGaveUp(rc);
    if (wrapper) return wrapper;
    if (rc.ctx.outcome !== "boot-timeout") return void 0;
    const seconds = rc.ctx.settings.timeoutSec;
    const lastLines = lastLogLines(rc);
    if (!rc.ctx.state.started) {
      return {
        reason: "boot-timeout",
        summary: `Gunicorn never started within ${seconds} s: the log has no ${code("Starting gunicorn")} line${lastLines.length ? "" : " (it is empty)"}.`,
        evidence: lastLines,
        location: firstLocation(commandLine(rc)),
        remedy: "Check that the image command runs Gunicorn (an entrypoint script may wait for something first) and that it does not block before starting it."
      };
    }
    const unreachable = unreachableBind(rc);
    if (unreachable) return unreachable;
    if (!rc.ofKind("listening")[0]) {
      return {
        reason: "boot-timeout",
        summary: `Gunicorn started but never logged ${code("Listening at")} within ${seconds} s.`,
        evidence: lastLines,
        remedy: "Something blocks the master before it binds (a config hook such as `on_starting`, or a preload import); make it return promptly."
      };
    }
    const booted = rc.ctx.state.bootedPids.length;
    const lastBoot = rc.ofKind("worker-boot").slice(-1)[0];
    const hang = lastBoot && rc.ctx.lines.slice(-1)[0]?.seq === lastBoot.lines[0].seq;
    return {
      reason: "boot-timeout",
      summary: booted ? `Gunicorn booted ${booted} worker${booted === 1 ? "" : "s"} but nothing answered within ${seconds} s${hang ? `; the log stops at ${code(lastBoot.lines[0].text.replace(/^\[[^\]]+\] /, ""))}, so the app is probably still importing (a blocking call at import)` : ""}.` : `Gunicorn is listening but no worker booted within ${seconds} s.`,
      evidence: lastLines,
      remedy: `Make the import return quickly (no waiting on services at import time); note that Gunicorn 22+ does not apply its ${code("timeout")} while a worker is still importing, so such a worker hangs without any log line.`
    };
  }
};
var WRAPPER_GAVE_UP = /No response from gunicorn master within (\d+) seconds|(?:timed out|gave up) waiting for gunicorn/i;
function wrapperGaveUp(rc) {
  const line = rc.ctx.lines.find((l) => WRAPPER_GAVE_UP.test(l.text));
  if (!line) return void 0;
  const seconds = WRAPPER_GAVE_UP.exec(line.text)?.[1];
  return {
    reason: "boot-timeout",
    summary: `The program that starts Gunicorn gave up waiting for its master${seconds ? ` after ${seconds} s` : ""}: Gunicorn never became ready, and the log shows no error from it.`,
    evidence: [line.text, ...lastLogLines(rc).filter((l) => l !== line.text)],
    location: firstLocation(commandLine(rc)),
    remedy: "Run Gunicorn with its log visible (the wrapper hides it) to see where the boot stops: usually an import that waits on a service, or a worker that cannot start."
  };
}
var SHELL_COMMAND = /^\s*(?:\(\S+\) )?(?:\S+@\S+\s?)?[^\s]*[%$#] \S*gunicorn\b/;
function isAppOutput(text) {
  const bare = stripLinePrefixes(text);
  return bare.trim() !== "" && !PREFIX.test(bare) && !SHELL_COMMAND.test(bare);
}
function lastLogLines(rc) {
  return rc.ctx.lines.filter((l) => l.text.trim() !== "").slice(-3).map((l) => l.text);
}

// src/diagnosis/reasons/crash-loop.ts
var crash_loop_default = defineReason({
  id: "crash-loop",
  title: "Workers crash after boot",
  headline: "workers keep crashing",
  readme: "workers exit after boot and are replaced, while single health requests still pass",
  fixtures: [{ path: "__fixtures__/apps/fail-crash-loop", test: "__tests__/diagnosis.itg.ts" }],
  rules: [legacyRule("boot", "crashLoop", crashLoop)],
  words: asIs
});

// src/diagnosis/rules/answers.ts
var ASGI_CALL_ERROR = /^(?:(\w+)\.)?__call__\(\) missing (?:1 required positional argument: 'send'|2 required positional arguments: 'receive' and 'send')$/;
var DJANGO_BAD_REQUEST = /<h1>Bad Request \(400\)<\/h1>/;
var INVALID_HOST = /Invalid HTTP_HOST header: '([^']*)'/;
var asgiUnderWsgi = {
  reason: "asgi-under-wsgi",
  explain(rc) {
    const tb = asgiTraceback(rc);
    if (!tb) return void 0;
    const app = ASGI_CALL_ERROR.exec(tb.exception.message)?.[1];
    const requestLine = rc.ctx.lines.filter((l) => l.seq < tb.lines[0].seq && /Error handling request/.test(l.text)).pop();
    const count = rc.tracebacks.filter((t) => ASGI_CALL_ERROR.test(t.exception.message)).length;
    const worker = rc.ofKind("worker-class")[0]?.workerClass;
    const status = rc.ctx.health?.status;
    const version = rc.ofKind("master-start")[0]?.version;
    const major = version ? Number(version.split(".")[0]) : void 0;
    const native = major !== void 0 && major >= 25 ? ` or Gunicorn ${version}'s own ASGI worker, ${code("-k asgi")}` : ", or on Gunicorn 25+ its own ASGI worker, `-k asgi`";
    return {
      reason: "asgi-under-wsgi",
      summary: `${app ? code(app) : "The app"} is an ASGI app but Gunicorn runs it with the WSGI worker ${code(worker ?? "sync")}: every request fails with ${code(tb.exception.line)}${status ? ` and answers ${status}` : ""}${count > 1 ? ` (${count} requests)` : ""}; it needs an ASGI worker such as ${code("uvicorn_worker.UvicornWorker")}.`,
      evidence: present(
        requestLine?.text,
        tb.frames.length ? `  File "${tb.frames[tb.frames.length - 1].file}", line ${tb.frames[tb.frames.length - 1].line}` : void 0,
        tb.exception.line
      ),
      location: firstLocation(commandLine(rc)),
      remedy: `Start it with an ASGI worker: ${code("-k uvicorn_worker.UvicornWorker")} (add the package ${code("uvicorn-worker")} to the requirements)${native}.`
    };
  }
};
var disallowedHost = {
  reason: "disallowed-host",
  explain(rc) {
    const health = rc.ctx.health;
    const logged = rc.ctx.lines.find((l) => INVALID_HOST.test(l.text));
    const djangoPage = health?.status === 400 && DJANGO_BAD_REQUEST.test(health.bodyExcerpt ?? "");
    if (!djangoPage && !logged) return void 0;
    const sent = rc.ctx.settings.hostHeader ?? (logged ? INVALID_HOST.exec(logged.text)[1] : void 0);
    const allowed = pythonLine(rc, /^\s*ALLOWED_HOSTS\s*=/);
    const production = allowed?.text.match(/["']([^"'*]+\.[^"']+)["']/)?.[1];
    const host = sent ? code(sent) : `the published address (${code("127.0.0.1:<port>")})`;
    const where2 = allowed ? ` in ${code(fileLine(allowed))}` : "";
    return {
      reason: "disallowed-host",
      summary: `Django rejected the probe's Host header ${host} with ${code("400 Bad Request (400)")}: it is not in ${code("ALLOWED_HOSTS")}${where2}${logged ? "" : " (with DEBUG off, Django logs nothing about it)"}.`,
      evidence: present(
        health?.status === 400 ? `GET ${rc.ctx.settings.healthPath} \u2192 400 ${health.bodyExcerpt ?? ""}`.trim() : void 0,
        logged?.text,
        allowed?.text.trim()
      ),
      location: allowed ? { file: allowed.file, line: allowed.line } : void 0,
      remedy: `Either allow the smoke test's host (add ${code("127.0.0.1")} to ${code("ALLOWED_HOSTS")}, e.g. from an environment variable set with the ${code("env")} input), or set the ${code("host-header")} input${production ? ` to ${code(production)}` : " to the production host name"} so the probes send the host name the platform sends.`
    };
  }
};
function asgiTraceback(rc) {
  return rc.tracebacks.find((tb) => tb.exception.type === "TypeError" && ASGI_CALL_ERROR.test(tb.exception.message));
}

// src/diagnosis/reasons/asgi-under-wsgi.ts
var asgi_under_wsgi_default = defineReason({
  id: "asgi-under-wsgi",
  title: "ASGI app under a WSGI worker",
  headline: "ASGI app started with a WSGI worker",
  readme: "an ASGI app (FastAPI, Starlette, Quart, Django's ASGI handler) started with a WSGI worker: every request fails with `__call__() missing 1 required positional argument: 'send'`",
  fixtures: [{ path: "__fixtures__/apps/fail-asgi-under-wsgi", test: "__tests__/hang-crash.itg.ts" }],
  rules: [legacyRule("boot", "asgiUnderWsgi", asgiUnderWsgi)],
  words: asIs,
  // Decided at the second 500 whose request raised the TypeError, not at the timeout.
  wrongAnswer: {
    recognises: (answer, events2) => answer.status === 500 && events2.filter((e) => e.kind === "traceback" && e.exception.type === "TypeError" && ASGI_CALL_ERROR.test(e.exception.message)).length >= 2
  }
});

// src/diagnosis/reasons/disallowed-host.ts
var disallowed_host_default = defineReason({
  id: "disallowed-host",
  title: "Host header rejected",
  headline: "the app rejected the Host header",
  readme: "Django answered `400 Bad Request (400)` because the probe's Host header is not in `ALLOWED_HOSTS`",
  fixtures: [{ path: "__fixtures__/apps/fail-disallowed-host", test: "__tests__/hang-crash.itg.ts" }],
  rules: [legacyRule("boot", "disallowedHost", disallowedHost)],
  words: asIs,
  // Django's 400 page says it and nothing is logged: decided at the second such answer.
  wrongAnswer: { recognises: (answer) => answer.status === 400 && DJANGO_BAD_REQUEST.test(answer.body) }
});

// src/diagnosis/reasons/boot-timeout.ts
var boot_timeout_default = defineReason({
  id: "boot-timeout",
  title: "Server did not come up",
  headline: "Gunicorn never became ready",
  readme: "nothing answered in time and nothing crashed (e.g. Gunicorn bound to `127.0.0.1` inside the container)",
  fixtures: [{ path: "__fixtures__/apps/fail-boot-timeout", test: "__tests__/diagnosis.itg.ts" }],
  rules: [legacyRule("boot", "bootTimeout", bootTimeout)],
  words: asIs
});

// src/diagnosis/rules/http.ts
var PLAIN_WORKER = /^(sync|gthread|gevent|gunicorn\.workers\.(sync|gthread|ggevent)\.\w+)$/i;
var websocketFailed = {
  reason: "websocket-failed",
  explain(rc) {
    const ws = rc.ctx.websocket;
    if (rc.ctx.outcome !== "websocket-failed" || !ws || ws.ok) return void 0;
    const evidence = [`WebSocket ${ws.path}: ${ws.detail}`];
    const listening = rc.ofKind("worker-class")[0];
    if (listening) evidence.push(listening.lines[0].text);
    return { reason: "websocket-failed", evidence, ...websocketWording(rc, ws) };
  }
};
function websocketWording(rc, ws) {
  const workerClass = rc.ctx.state.workerClass ?? "sync";
  const alive = rc.ctx.state.alivePids.length;
  if (ws.status === 404) {
    return {
      summary: `There is no WebSocket route at ${code(ws.path)}: the upgrade request was answered 404.`,
      remedy: "Set the `websocket-path` input to the route the app serves, or register that route."
    };
  }
  if (ws.protocol === "socket.io" && alive > 1 && /session|sid|400/i.test(`${ws.detail} ${ws.status ?? ""}`)) {
    return {
      summary: `Socket.IO failed with ${alive} workers: its handshake and upgrade land on different workers, which do not share sessions.`,
      remedy: "Run Socket.IO with a single worker (`-w 1` with an async worker class) or put a load balancer with sticky sessions in front."
    };
  }
  const refused = ws.status === 400 || ws.status === 426 || ws.failure === "closed" || ws.failure === "protocol" || ws.status === 200;
  if (PLAIN_WORKER.test(workerClass) && refused) {
    return {
      summary: `The ${code(workerClass)} worker class cannot hold a WebSocket, so the upgrade at ${code(ws.path)} failed (${ws.detail}).`,
      remedy: `Use a worker class that speaks WebSocket: ${code("geventwebsocket.gunicorn.workers.GeventWebSocketWorker")} (package ${code("gevent-websocket")}), ${code("uvicorn_worker.UvicornWorker")} (package ${code("uvicorn-worker")}; ${code("uvicorn.workers")} is deprecated) or Gunicorn 25+'s ${code("asgi")} worker for ASGI apps.`
    };
  }
  return {
    summary: `The WebSocket probe of ${code(ws.path)} failed: ${ws.detail}.`,
    remedy: "Check the route and the expected messages (`websocket-*` inputs) against the app, and that the worker class supports WebSockets."
  };
}
var healthCheckFailed = {
  reason: "health-check-failed",
  explain(rc) {
    const health = rc.ctx.health;
    if (rc.ctx.outcome !== "health-failed" && !(health && !health.ok && rc.ctx.outcome !== "unstable")) return void 0;
    if (rc.ctx.outcome !== "health-failed" && rc.primaryTraceback()) return void 0;
    if (rc.ctx.outcome === "container-exited" && rc.ctx.container.exitCode !== void 0) return void 0;
    const { healthPath, healthStatus } = rc.ctx.settings;
    if (!health) {
      return {
        reason: "health-check-failed",
        summary: `The health check of ${code(healthPath)} did not pass.`,
        evidence: [],
        remedy: `Make ${code(healthPath)} answer ${healthStatus} once the app is ready.`
      };
    }
    const body = health.bodyExcerpt ? ` ${code(health.bodyExcerpt.replace(/\s+/g, " ").slice(0, 160))}` : "";
    const evidence = [
      health.status !== void 0 ? `GET ${healthPath} \u2192 ${health.status}${body}` : `GET ${healthPath} \u2192 ${health.error ?? "no answer"}`
    ];
    if (health.status !== void 0) {
      return {
        reason: "health-check-failed",
        summary: `${code(healthPath)} answered ${health.status} instead of ${healthStatus}${body ? `:${body}` : ""}.`,
        evidence,
        remedy: health.status === 404 ? `The app has no route ${code(healthPath)}: add one or set the \`health-path\` input to an existing route.` : `The app is up but reports itself unhealthy: fix what ${code(healthPath)} checks (often a service it cannot reach in CI) or set \`health-status\` to accept ${health.status}.`
      };
    }
    return {
      reason: "health-check-failed",
      summary: `${code(healthPath)} never answered after ${health.attempts} attempt${health.attempts === 1 ? "" : "s"}: ${health.error ?? "no response"}.`,
      evidence,
      remedy: `Check that Gunicorn listens on ${code(`0.0.0.0:${rc.ctx.settings.port}`)} and that requests to ${code(healthPath)} do not block.`
    };
  }
};

// src/diagnosis/reasons/websocket-failed.ts
var websocket_failed_default = defineReason({
  id: "websocket-failed",
  title: "WebSocket check failed",
  headline: "WebSocket check failed",
  readme: "the WebSocket route did not upgrade or answer",
  fixtures: [{ path: "__fixtures__/apps/ws-wrong-worker", test: "__tests__/websocket-action.itg.ts" }],
  rules: [legacyRule("boot", "websocketFailed", websocketFailed)],
  words: asIs
});

// src/diagnosis/reasons/health-check-failed.ts
var health_check_failed_default = defineReason({
  id: "health-check-failed",
  title: "Health check failed",
  headline: "health check failed",
  readme: "the health path answered a wrong status",
  fixtures: [{ path: "__fixtures__/apps/fail-health-check-failed", test: "__tests__/diagnosis.itg.ts" }],
  rules: [legacyRule("boot", "healthCheckFailed", healthCheckFailed)],
  words: asIs
});

// src/profile/units.ts
var LIMIT = /^(\d+(?:\.\d+)?)([bkmg]?)$/i;
var BINARY = { "": 1, b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };
function parseMemoryLimit(text) {
  const match = LIMIT.exec(text.trim());
  return match ? Math.round(Number(match[1]) * BINARY[match[2].toLowerCase()]) : void 0;
}
var STATS_VALUE = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?i?B)\b/i;
var STATS_UNITS = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40
};
function parseStatsMemory(memUsage) {
  const match = STATS_VALUE.exec(memUsage);
  return match ? Math.round(Number(match[1]) * STATS_UNITS[match[2].toLowerCase()]) : void 0;
}
function megabytes(bytes) {
  return Math.round(bytes / 1e6);
}

// src/profile/render.ts
var LABELS = { "worker-memory": "worker memory", memory: "memory", "image-size": "image", "boot-time": "boot" };
function formatFigure(metric, value) {
  return metric === "boot-time" ? `${(value / 1e3).toFixed(1)} s` : `${megabytes(value)} MB`;
}
function formatChange(fraction) {
  const percent = Math.round(fraction * 100);
  return `${percent >= 0 ? "+" : "\u2212"}${Math.abs(percent)}%`;
}
function profileLine(profile, base) {
  const parts = [];
  for (const metric of ["worker-memory", "memory", "boot-time", "image-size"]) {
    const value = figure(profile, metric);
    if (value === void 0) continue;
    const baseValue = base ? figure(base, metric) : void 0;
    const grown = change(value, baseValue);
    const against = baseValue === void 0 ? "" : ` (base ${formatFigure(metric, baseValue)}${grown === void 0 ? "" : `, ${formatChange(grown)}`})`;
    parts.push(`${LABELS[metric]} ${formatFigure(metric, value)}${against}`);
  }
  return parts.join(", ");
}
var ROWS = [
  ["Largest worker (RSS)", (p) => p.largestWorkerRssBytes, "worker-memory"],
  ["Master (RSS)", (p) => p.masterRssBytes, "memory"],
  ["Container memory", (p) => p.containerMemoryBytes, "memory"],
  ["First worker booted", (p) => p.firstWorkerMs, "boot-time"],
  ["Healthy", (p) => p.healthyMs, "boot-time"],
  ["Image size", (p) => p.imageSizeBytes, "image-size"]
];
function profileTable(profile, base) {
  const header = base ? ["| Figure | This commit | Base | Change |", "|---|---:|---:|---:|"] : ["| Figure | This commit |", "|---|---:|"];
  const rows = ROWS.flatMap(([label, read, metric]) => {
    const value = read(profile);
    if (value === void 0) return [];
    const workers = read === ROWS[0][1] && profile.workerRssBytes.length > 0 ? ` of ${profile.workerRssBytes.length}` : "";
    const cells = [`${label}${workers}`, formatFigure(metric, value)];
    if (base) {
      const baseValue = read(base);
      const grown = change(value, baseValue);
      cells.push(baseValue === void 0 ? "" : formatFigure(metric, baseValue), grown === void 0 ? "" : formatChange(grown));
    }
    return [`| ${cells.join(" | ")} |`];
  });
  return [...header, ...rows].join("\n");
}
function fitWarning(fit) {
  if (!fit?.warn) return void 0;
  const percent = Math.round(fit.share * 100);
  const estimate = fit.basis === "rss" ? `${fit.workers} workers \xD7 the largest worker + the master come to ${megabytes(fit.projectedBytes)} MB` : `${fit.workers} workers grown to the largest one come to ${megabytes(fit.projectedBytes)} MB`;
  const fitting2 = fit.workersFit === 0 ? "not even one worker fits" : fit.workersFit === 1 ? "1 worker fits" : `${fit.workersFit} workers fit`;
  const first = `${estimate}, ${percent}% of the \`memory\` limit ${fit.limitText} (${megabytes(fit.limitBytes)} MB): ${fitting2} within 80%.`;
  const preload = fit.preload.helps ? ` \`preload_app = True\` would help: ${fit.preload.reason}` : ` \`preload_app = True\` would not help: ${fit.preload.reason}`;
  return first + preload;
}
function fitAnnotation(fit) {
  const message = fitWarning(fit);
  return message ? { level: "warning", title: "The workers may not fit the memory limit", message } : void 0;
}
function describeRegressions(regressions) {
  return regressions.map(
    (r) => `${LABELS[r.metric]} grew ${formatChange(r.change)} over the base, ${formatFigure(r.metric, r.base)} \u2192 ${formatFigure(r.metric, r.head)} (limit +${Math.round(r.limit * 100)}%)`
  ).join("; ");
}
function comparisonLine(profile, comparison) {
  const line = profileLine(profile, comparison?.profile);
  return comparison?.note ? `${line}. ${comparison.note}` : line;
}

// src/diagnosis/reasons/profile-regression.ts
var grewBeyondLimit = {
  stage: "profile",
  name: "a figure grew beyond its limit",
  detect({ profile, comparison }) {
    if (comparison.regressions.length === 0 || !comparison.profile) return void 0;
    return {
      facts: { baseSha: comparison.sha?.slice(0, 7) ?? "", grown: describeRegressions(comparison.regressions) },
      evidence: [`This commit: ${profileLine(profile)}`, `Base: ${profileLine(comparison.profile)}`]
    };
  }
};
var profile_regression_default = defineReason({
  id: "profile-regression",
  title: "Boot profile regression",
  headline: "the boot profile grew beyond its limit",
  readme: "with `compare: base` and a `regression-limit`, worker memory, container memory, image size or boot time grew beyond its limit over the base commit",
  fixtures: [{ path: "__fixtures__/profile/app-head", test: "__tests__/profile.itg.ts", via: "scripts/make-profile-repo.sh" }],
  rules: [grewBeyondLimit],
  words: ({ baseSha, grown }) => ({
    summary: `The boot profile grew beyond the regression limit over the base commit${baseSha ? ` ${baseSha}` : ""}: ${grown}.`,
    remedy: "Find what the pull request added to the import path (a module-level cache, model or data load) and make it lazy or shared, or raise the `regression-limit` if the growth is intended."
  })
});

// src/diagnosis/reasons/unknown.ts
var INTERESTING = /error|exception|fail|fatal|critical|killed|denied|not found/i;
var GUNICORN_PREFIX2 = /^\[[^\]]+\] \[\d+\] \[\w+\] /;
var exception = {
  stage: "boot",
  name: "an exception no rule knows",
  detect(rc) {
    const tb = rc.primaryTraceback();
    if (!tb) return void 0;
    const frame = rc.userFrame(tb);
    return {
      facts: { kind: "exception", exceptionLine: tb.exception.line, location: frame?.location },
      evidence: rc.tracebackEvidence(tb, frame),
      location: frame?.location
    };
  }
};
function tailEvidence(lines) {
  const interesting = lines.filter((l) => INTERESTING.test(l.text)).slice(-5);
  return (interesting.length ? interesting : lines.filter((l) => l.text.trim()).slice(-5)).map((l) => l.text);
}
var howItEnded = {
  stage: "boot",
  name: "how the container ended",
  detect(rc) {
    const { exitCode, running } = rc.ctx.container;
    const outcomeLine = rc.gunicornOutcomeLine();
    const facts = outcomeLine ? { kind: "gunicorn-stopped", outcomeLine: outcomeLine.replace(GUNICORN_PREFIX2, ""), exitCode } : (exitCode === 137 || exitCode === 143) && !running ? { kind: "stopped-from-outside", exitCode } : exitCode !== void 0 && !running ? { kind: "exited", exitCode } : { kind: "failed" };
    return { facts, evidence: tailEvidence(rc.ctx.lines) };
  }
};
var REPRODUCE = "run the image locally with the same command to reproduce.";
function summary(facts) {
  switch (facts.kind) {
    case "exception":
      return `Workers failed with ${code(facts.exceptionLine.slice(0, 200))}${where(facts.location)}.`;
    case "gunicorn-stopped":
      return `Gunicorn stopped: ${code(facts.outcomeLine)}${facts.exitCode !== void 0 ? ` (exit code ${facts.exitCode})` : ""}.`;
    case "stopped-from-outside": {
      const signal = facts.exitCode === 137 ? "SIGKILL" : "SIGTERM";
      return `The container was stopped by ${signal} (exit code ${facts.exitCode}) while Gunicorn was running, and its log shows no error: something outside the app (docker kill or stop, the runner, the kernel) ended it.`;
    }
    case "exited":
      return `The container exited with code ${facts.exitCode} without a recognisable Gunicorn error.`;
    case "failed":
      return "The smoke test failed without a recognisable Gunicorn error.";
  }
}
var unknown_default = defineReason({
  id: "unknown",
  title: "Unrecognised failure",
  headline: "cause not recognised",
  readme: "none of the above; the most relevant log lines are quoted",
  fixtures: [{ path: "__fixtures__/apps/fail-unknown", test: "__tests__/diagnosis.itg.ts" }],
  rules: [exception, howItEnded],
  words: (facts) => ({
    summary: summary(facts),
    remedy: facts.kind === "exception" ? 'Fix the exception above; it happens while Gunicorn loads the app, so it reproduces with `python -c "import <module>"` in the image.' : `Read the last lines of the log below; ${REPRODUCE}`
  })
});

// src/diagnosis/registry.ts
var REASONS = [
  // The build: pip's and apt's own causes, then a missing file, then the failing step as it is.
  dependency_conflict_default,
  package_not_found_default,
  native_build_failed_default,
  apt_package_not_found_default,
  build_file_missing_default,
  build_failed_default,
  // The booted run (and a container that never started): evidence in the log first.
  native_crash_default,
  worker_class_unavailable_default,
  config_error_default,
  port_in_use_default,
  app_not_found_default,
  syntax_error_default,
  missing_env_default,
  database_unreachable_default,
  missing_dependency_default,
  import_error_default,
  out_of_memory_default,
  // The stack a stuck worker printed explains its WORKER TIMEOUT (20.x) or the boot timeout.
  worker_hang_default,
  worker_timeout_default,
  crash_loop_default,
  // Wrong answers with a known cause come before the generic timeout and health failures.
  asgi_under_wsgi_default,
  disallowed_host_default,
  // Structural: only when nothing above explains the run.
  boot_timeout_default,
  websocket_failed_default,
  health_check_failed_default,
  // A healthy run against its base commit.
  profile_regression_default,
  unknown_default
];
var REASON_IDS = REASONS.map((reason) => reason.id);
var BY_ID = new Map(REASONS.map((reason) => [reason.id, reason]));
function reasonById(id) {
  return BY_ID.get(id);
}

// src/report/profile-section.ts
var LINE_MAX = 1e3;
function profileSection(report, withTable) {
  if (!report.profile) return "";
  const line = `**Boot profile:** ${inlineMarkdown(capLength(comparisonLine(report.profile, report.comparison), LINE_MAX))}`;
  return withTable ? `${line}

${profileTable(report.profile, report.comparison?.profile)}` : line;
}

// src/report/tables.ts
var CELL_MAX = 300;
var MAX_CHECK_ROWS = 12;
function checksTable(report) {
  const rows = report.checks.slice(0, MAX_CHECK_ROWS).map((check) => {
    const label = inlineMarkdown(capLength(check.label, CELL_MAX), { inTable: true });
    const result = `${STATUS_ICONS[check.status]} ${checkResultText(check, report)}`.trim();
    const time = check.durationMs !== void 0 ? formatDuration(check.durationMs) : "";
    return `| ${label} | ${result} | ${time} |`;
  });
  return ["| Check | Result | Time |", "|---|---|---|", ...rows].join("\n");
}
function checkResultText(check, report) {
  const detail = check.detail.trim() ? inlineMarkdown(capLength(check.detail, CELL_MAX), { inTable: true }) : "";
  if (check.status === "not-reached") return "not reached";
  if (check.status === "skipped") return detail ? `skipped \u2014 ${detail}` : "skipped";
  if (detail) return detail;
  const g = report.gunicorn;
  if (check.id === "start") {
    return [
      g.version ? escapeText(g.version) : "",
      g.workerClass ? codeSpan(capLength(g.workerClass, 120), { inTable: true }) : "",
      g.binds.length > 0 ? codeSpan(capLength(g.binds.join(", "), 120), { inTable: true }) : ""
    ].filter((f) => f !== "").join(", ");
  }
  if (check.id === "workers" && (g.workersExpected !== void 0 || g.workersBooted > 0)) {
    return `${g.workersBooted}/${g.workersExpected ?? "?"}${g.workersDied > 0 ? `, ${g.workersDied} exited` : ""}`;
  }
  return "";
}
function runDetails(report) {
  const rows = [];
  const code2 = (text) => codeSpan(capLength(text, 300), { inTable: true });
  if (report.image) rows.push(["Image", code2(report.image)]);
  if (report.dockerfile) rows.push(["Dockerfile", code2(report.dockerfile)]);
  const g = report.gunicorn;
  if (g.version) rows.push(["Gunicorn", escapeText(g.version)]);
  if (g.workerClass) rows.push(["Worker class", code2(g.workerClass)]);
  if (g.binds.length > 0) rows.push(["Bind", code2(g.binds.join(", "))]);
  if (g.workersExpected !== void 0 || g.workersBooted > 0) {
    rows.push(["Workers", `${g.workersBooted} booted / ${g.workersExpected ?? "?"} expected, ${g.workersDied} exited`]);
  }
  if (report.health) {
    const h = report.health;
    const answer = h.status !== void 0 ? `HTTP ${h.status}` : h.error ? escapeText(capLength(h.error, 200)) : "no answer";
    const body = h.bodyExcerpt ? ` ${code2(h.bodyExcerpt)}` : "";
    rows.push(["Health", `${answer}${body} after ${plural(h.attempts, "attempt")}`]);
  }
  if (report.websocketOutcome) {
    const w = report.websocketOutcome;
    const detail = inlineMarkdown(capLength(w.detail, 300), { inTable: true });
    rows.push(["WebSocket", `${escapeText(w.protocol)} ${code2(w.path)}: ${detail}`]);
  }
  if (report.containerExitCode !== void 0) rows.push(["Container exit code", String(report.containerExitCode)]);
  const sources = Object.entries(report.settingSources);
  if (sources.length > 0) {
    rows.push(["Settings from", sources.map(([name, source]) => `${code2(name)} \u2190 ${escapeText(source)}`).join(", ")]);
  }
  rows.push(["Started", escapeText(report.startedAt)]);
  rows.push(["Duration", formatDuration(report.durationMs)]);
  const table = ["| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
  return `<details><summary>Run details</summary>

${table}

</details>`;
}

// src/report/markdown.ts
var COMMENT_BUDGET = 65e3;
var COMMENT_FLAVOR = {
  heading: "###",
  budget: COMMENT_BUDGET,
  measure: (text) => text.length,
  tailMaxLines: 200,
  tailMaxLineLength: 500,
  tailOnPass: false,
  excerptMaxLines: 60,
  excerptMaxLineLength: 500,
  runDetails: false,
  elsewhere: "the job log"
};
var SENTENCE_MAX = 2e3;
var EVIDENCE_MAX_LINES = 20;
var EVIDENCE_MAX_LINE_LENGTH = 500;
var NOTES_MAX = 10;
var NOTE_MAX_LENGTH = 500;
function renderComment(report, options) {
  return renderWithin(report, COMMENT_FLAVOR, commentMarker(options.key));
}
function renderWithin(report, flavor, marker) {
  let budget = flavor.budget;
  for (let attempt = 0; attempt < 4; attempt++) {
    const text = render(report, { ...flavor, budget }, marker);
    const size = flavor.measure(text);
    if (size <= flavor.budget) return text;
    budget -= size - flavor.budget + 1e3;
  }
  return render(report, { ...flavor, budget: 0 }, marker);
}
function render(report, flavor, marker) {
  const links = runLinks(report.metadata);
  const failed2 = report.result === "fail";
  const before = [headline(report, flavor, marker)];
  if (failed2) {
    before.push(causeParagraph(report, links));
    if (report.diagnosis?.remedy.trim()) {
      before.push(`**Fix:** ${inlineMarkdown(capLength(report.diagnosis.remedy, SENTENCE_MAX))}`);
    }
  }
  if (report.checks.length > 0) before.push(checksTable(report));
  before.push(profileSection(report, flavor.runDetails));
  if (failed2 && report.diagnosis && report.diagnosis.evidence.length > 0) before.push(evidenceBlock(report, links));
  const notes = notesSection(report);
  const after = [];
  if (flavor.runDetails) after.push(runDetails(report));
  after.push(footer(report, links));
  const join3 = (parts) => parts.filter((p) => p !== "").join("\n\n");
  const sep2 = flavor.measure("\n\n");
  let remaining = flavor.budget - flavor.measure(join3([...before, notes, ...after])) - sep2 * 2;
  let excerptBlock = "";
  if (failed2 && report.diagnosis) {
    const excerpt3 = findCauseExcerpt(report.log, report.diagnosis.evidence, report.logTotalLines, {
      maxLines: flavor.excerptMaxLines,
      maxLineLength: flavor.excerptMaxLineLength
    });
    if (excerpt3 && addsToEvidence(excerpt3, report.diagnosis.evidence)) {
      const wrapperCost = flavor.measure(excerptWrapper(excerpt3, report, "")) + sep2;
      const fitted = shrinkExcerpt(excerpt3, remaining, flavor.measure, wrapperCost);
      if (fitted) {
        excerptBlock = excerptWrapper(fitted, report, codeBlock(fitted.lines));
        remaining -= flavor.measure(excerptBlock) + sep2;
      }
    }
  }
  let tailBlock = "";
  if ((failed2 || flavor.tailOnPass) && report.log.length > 0) {
    tailBlock = tailSection(report, flavor, remaining - sep2, links);
  }
  return join3([...before, excerptBlock, notes, tailBlock, ...after]) + "\n";
}
function headline(report, flavor, marker) {
  const prefix = marker ? `${marker}
` : "";
  if (report.result === "pass") {
    const facts = passFacts(report);
    return `${prefix}${flavor.heading} \u2705 Gunicorn smoke test passed${facts ? ` \u2014 ${facts}` : ""}`;
  }
  const reason = report.reason ?? report.diagnosis?.reason ?? "unknown";
  let title = escapeText(reasonById(reason).headline);
  const culprit = reasonById(reason).namesCulprit ? firstCodeSpan(report.diagnosis?.summary ?? report.summary) : void 0;
  if (culprit) title += ` ${codeSpan(culprit)}`;
  const exception2 = reason === "unknown" && report.diagnosis?.location ? report.diagnosis.summary.match(/`([\w.]+(?:Error|Exception|Exit|Interrupt))\b/)?.[1] : void 0;
  if (exception2) title = `${codeSpan(exception2)} while loading the app`;
  return `${prefix}${flavor.heading} \u274C Gunicorn smoke test failed \u2014 ${title}`;
}
function passFacts(report) {
  const facts = [];
  if (report.bootTimeMs !== void 0) {
    facts.push(`${report.health?.ok === false ? "booted" : "healthy"} in ${formatDuration(report.bootTimeMs)}`);
  }
  const { workersBooted, workersExpected } = report.gunicorn;
  if (workersExpected !== void 0) facts.push(`${workersBooted}/${workersExpected} workers`);
  else if (workersBooted > 0) facts.push(plural(workersBooted, "worker"));
  if (report.websocket === "ok") facts.push("WebSocket OK");
  return facts.join(", ");
}
function firstCodeSpan(sentence) {
  const match = /(`+)([^`]+?)\1(?!`)/.exec(sentence);
  const content = match?.[2].trim();
  return content && content.length <= 60 ? content : void 0;
}
function locationText(report, links) {
  const location = report.diagnosis?.location;
  if (!location) return void 0;
  const label = codeSpan(capLength(`${location.file}:${location.line}`, 200));
  const url = links.fileUrl(location.file, location.line);
  return url ? `[${label}](${url})` : label;
}
function causeParagraph(report, links) {
  const sentence = report.diagnosis?.summary.trim() || report.summary.trim() || "The smoke test failed.";
  let text = inlineMarkdown(capLength(sentence, SENTENCE_MAX), { atLineStart: true });
  const location = locationText(report, links);
  const where2 = report.diagnosis?.location;
  if (location && where2 && !sentence.includes(`${where2.file}:${where2.line}`)) text += ` (${location})`;
  if (report.containerExitCode !== void 0 && report.reason !== "build-failed" && !/exit code \d+/.test(sentence)) {
    const meaning = describeExitCode(report.containerExitCode);
    text += ` The container exited with code ${report.containerExitCode}${meaning ? ` (${escapeText(meaning)})` : ""}.`;
  }
  return text;
}
function evidenceBlock(report, links) {
  const evidence = report.diagnosis?.evidence ?? [];
  const lines = evidence.slice(0, EVIDENCE_MAX_LINES).map((line) => sanitizeLogLine(line, EVIDENCE_MAX_LINE_LENGTH));
  if (evidence.length > EVIDENCE_MAX_LINES) lines.push(`\u2026 ${evidence.length - EVIDENCE_MAX_LINES} more lines`);
  const location = locationText(report, links);
  return `**Evidence**${location ? ` \u2014 ${location}` : ""}
${codeBlock(lines)}`;
}
function addsToEvidence(excerpt3, evidence) {
  const shown2 = new Set(evidence.map((e) => e.trim()));
  return excerpt3.lines.some((line) => line.trim() !== "" && !shown2.has(line.trim()));
}
function excerptWrapper(excerpt3, report, block) {
  const total = Math.max(report.logTotalLines, report.log.length);
  const range = `log lines ${formatCount(excerpt3.firstLine)}\u2013${formatCount(excerpt3.lastLine)} of ${formatCount(total)}`;
  return `<details open><summary>Traceback (${range})</summary>

${block}

</details>`;
}
function tailSection(report, flavor, budget, links) {
  const total = Math.max(report.logTotalLines, report.log.length);
  const wrapper = (shown2, block) => {
    const leftOut = total - shown2;
    const label = leftOut > 0 ? `Container log (last ${formatCount(shown2)} of ${plural(total, "line")}, ${formatCount(leftOut)} left out)` : `Container log (${plural(total, "line")})`;
    return `<details><summary>${label}</summary>

${block}

</details>`;
  };
  const overhead = flavor.measure(wrapper(total, "")) + 2 * 3 + flavor.measure("text\n");
  const fitted = fitTail(report.log, budget, {
    maxLines: flavor.tailMaxLines,
    maxLineLength: flavor.tailMaxLineLength,
    measure: flavor.measure,
    overhead
  });
  if (fitted.lines.length === 0) {
    const where2 = links.runUrl ? `[${flavor.elsewhere}](${links.runUrl})` : flavor.elsewhere;
    const count = plural(total, "line");
    return `<sub>The container log (${count}) is left out to keep this within size limits; see ${where2}.</sub>`;
  }
  return wrapper(fitted.lines.length, codeBlock(fitted.lines));
}
function notesSection(report) {
  const items = [];
  const add = (icon, notes) => {
    for (const note of notes.slice(0, NOTES_MAX)) {
      if (note.trim()) items.push(`- ${icon} ${inlineMarkdown(capLength(note, NOTE_MAX_LENGTH))}`);
    }
    if (notes.length > NOTES_MAX) items.push(`- ${icon} \u2026and ${formatCount(notes.length - NOTES_MAX)} more`);
  };
  add("\u26A0\uFE0F", report.warnings);
  add("\u{1F6E1}\uFE0F", report.advisories);
  return items.join("\n");
}
function footer(report, links) {
  const parts = ["gunicorn-smoke"];
  const runNumber = report.metadata.runNumber && /^\d+$/.test(report.metadata.runNumber) ? report.metadata.runNumber : "";
  const runLabel = runNumber ? `run #${runNumber}` : "job log";
  parts.push(links.runUrl ? `[${runLabel}](${links.runUrl})` : runNumber ? escapeText(runLabel) : "");
  if (links.shortSha) {
    const sha = codeSpan(links.shortSha);
    parts.push(links.commitUrl ? `commit [${sha}](${links.commitUrl})` : `commit ${sha}`);
  }
  if (report.durationMs > 0) parts.push(`${formatDuration(report.durationMs)} in all`);
  return `<sub>${parts.filter((p) => p !== "").join(" \xB7 ")}</sub>`;
}

// src/probes/http-client.ts
import http from "node:http";
var BODY_LIMIT = 4096;
function httpGet(target) {
  return new Promise((resolve2, reject) => {
    let settled = false;
    const finish = (error, answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve2(answer);
    };
    const request = http.request(
      {
        host: target.host,
        port: target.port,
        path: target.path,
        method: "GET",
        agent: false,
        signal: target.signal,
        // Gunicorn 26 ends the headers of its own error pages (the 500 of an app that raised) with a bare LF,
        // which Node's strict parser rejects: the probe must still see the 500.
        insecureHTTPParser: true,
        headers: { "User-Agent": target.userAgent, Connection: "close", ...hostHeaders(target.hostHeader) }
      },
      (response) => {
        const chunks = [];
        let size = 0;
        response.on("data", (chunk) => {
          if (size < BODY_LIMIT) chunks.push(chunk);
          size += chunk.length;
        });
        response.on(
          "end",
          () => finish(void 0, {
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8").slice(0, BODY_LIMIT),
            server: headerText(response.headers.server)
          })
        );
        response.on("error", (error) => finish(new Error(describeError(error))));
        response.on("aborted", () => finish(new Error("connection closed mid-answer")));
      }
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish(new Error(`no answer within ${target.timeoutMs} ms`));
    }, target.timeoutMs);
    request.on("error", (error) => finish(new Error(describeError(error))));
    request.end();
  });
}
function headerText(value) {
  return Array.isArray(value) ? value.join(", ") : value;
}
function describeError(error) {
  if (error.name === "AbortError") return "stopped";
  switch (error.code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
      return error.message === "socket hang up" ? "connection closed before an answer" : "connection reset";
    case "EPIPE":
      return "connection closed";
    default:
      return error.message === "socket hang up" ? "connection closed before an answer" : error.message;
  }
}

// src/probes/load.ts
var DEFAULT_CONCURRENCY = 10;
var MAX_DISTINCT_ERRORS = 5;
var LoadProbe = class {
  constructor(options) {
    this.options = options;
  }
  options;
  stopper = new AbortController();
  answer;
  async start() {
    this.answer = await runLoad({ ...this.options, signal: this.stopper.signal });
    return this.answer;
  }
  result() {
    return this.answer;
  }
  cancel() {
    this.stopper.abort();
  }
};
async function runLoad(options) {
  const now = options.now ?? Date.now;
  const concurrency = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, options.requests));
  const requestTimeoutMs = options.requestTimeoutMs ?? 5e3;
  const totalTimeoutMs = options.totalTimeoutMs ?? 6e4;
  const matches = options.matcher ? (status) => options.matcher.matches(status) : (status) => status >= 200 && status < 300;
  const started = now();
  const deadline = started + totalTimeoutMs;
  const latencies = [];
  const statusCounts = {};
  const failureCounts = /* @__PURE__ */ new Map();
  let next = 0;
  let failures = 0;
  let answered = 0;
  let stoppedEarly;
  const count = (key) => void (statusCounts[key] = (statusCounts[key] ?? 0) + 1);
  const fail = (what) => {
    failures++;
    failureCounts.set(what, (failureCounts.get(what) ?? 0) + 1);
  };
  const worker = async () => {
    while (next < options.requests) {
      if (options.signal?.aborted) {
        stoppedEarly = "aborted";
        return;
      }
      if (now() >= deadline) {
        stoppedEarly ??= "time-limit";
        return;
      }
      next++;
      const sent = now();
      try {
        const { status } = await httpGet({
          host: options.host,
          port: options.port,
          path: options.path,
          signal: options.signal,
          hostHeader: options.hostHeader,
          userAgent: "gunicorn-smoke-load",
          timeoutMs: requestTimeoutMs
        });
        latencies.push(now() - sent);
        answered++;
        count(String(status));
        if (!matches(status)) fail(`HTTP ${status}`);
      } catch (error) {
        count("error");
        fail(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const notSent = options.requests - next;
  if (notSent > 0) {
    statusCounts["not-sent"] = notSent;
    failures += notSent;
    failureCounts.set(stoppedEarly === "aborted" ? "not sent: stopped" : `not sent within ${formatSeconds(totalTimeoutMs, true)}`, notSent);
  }
  const durationMs = Math.max(1, now() - started);
  latencies.sort((a, b) => a - b);
  return {
    requests: options.requests,
    failures,
    statusCounts,
    requestsPerSecond: Math.round(answered / durationMs * 1e3 * 10) / 10,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    errors: [...failureCounts.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_DISTINCT_ERRORS).map(([what, times]) => times > 1 ? `${what} \xD7 ${times}` : what),
    durationMs,
    stoppedEarly
  };
}
function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(p / 100 * sorted.length);
  return Math.round(sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]);
}
function describeLoad(result) {
  const statuses = Object.entries(result.statusCounts).filter(([key]) => /^\d+$/.test(key)).sort((a, b) => b[1] - a[1]).map(([status, times]) => `${status} \xD7 ${times}`);
  const speed = `${Math.round(result.requestsPerSecond)} req/s, p95 ${result.p95Ms} ms`;
  if (result.failures === 0) return `${statuses.join(", ")}, ${speed}`;
  return `${result.failures}/${result.requests} failed (${result.errors.join("; ")})${statuses.length ? `; ${statuses.join(", ")}` : ""}, ${speed}`;
}

// src/smoke/types.ts
var CancelledError = class extends Error {
  constructor() {
    super("The run was cancelled.");
    this.name = "CancelledError";
  }
};
var PROBE_HOST = "127.0.0.1";
var cancelled = (run) => run.deps.signal?.aborted ?? false;

// src/smoke/load.ts
async function checkUnderLoad(run, running, findings) {
  const { settings, deps, now } = run;
  const { watch } = running;
  deps.ui.progress(`Sending ${settings.loadRequests} requests to ${settings.healthPath}, 10 at a time`);
  const probe = new LoadProbe({
    host: PROBE_HOST,
    // Only after a healthy answer, which needs the port.
    port: running.hostPort,
    path: settings.healthPath,
    requests: settings.loadRequests,
    matcher: settings.healthStatus,
    totalTimeoutMs: Math.max(1e4, running.deadline - now()),
    hostHeader: settings.hostHeader,
    now
  });
  const onCancel = () => probe.cancel();
  deps.signal?.addEventListener("abort", onCancel);
  let finished = false;
  const loading = probe.start().finally(() => {
    finished = true;
    watch.nudge();
  });
  let outcome = "healthy";
  while (!finished && !cancelled(run)) {
    await watch.sleep(500);
    const during = await watch.decided();
    if (during) {
      outcome = during;
      probe.cancel();
      break;
    }
  }
  findings.load = await loading;
  deps.signal?.removeEventListener("abort", onCancel);
  deps.ui.info(`Load ${settings.healthPath}: ${describeLoad(findings.load)}`);
  if (outcome !== "healthy") return outcome;
  return await watch.decided() ?? (findings.load.failures > 0 ? "health-failed" : "healthy");
}
function loadCheck(findings, workerTrouble) {
  const { load, outcome } = findings;
  const trouble = load && outcome !== "healthy" && workerTrouble ? `; ${workerTrouble} during the load` : "";
  return {
    id: "load",
    status: load === void 0 ? "not-reached" : load.failures === 0 && outcome === "healthy" ? "pass" : "fail",
    detail: load ? `${describeLoad(load)}${trouble}` : "",
    durationMs: load?.durationMs
  };
}

// src/profile/measure.ts
import fs5 from "node:fs/promises";

// src/profile/cgroup.ts
function memoryCgroupFiles(procCgroup, containerId, root = "/sys/fs/cgroup") {
  const entries = procCgroup.split("\n").map((line) => /^(\d+):([^:]*):(.+)$/.exec(line.trim())).filter((match) => match !== null);
  const v1 = entries.find((entry) => entry[2].split(",").includes("memory"));
  const v2 = entries.find((entry) => entry[1] === "0" && entry[2] === "");
  const chosen = v1 ?? v2;
  if (!chosen || !containerId || !chosen[3].includes(containerId)) return void 0;
  const cgroupPath = chosen[3].replace(/\/$/, "");
  return v1 ? {
    source: "cgroup-v1",
    usage: `${root}/memory${cgroupPath}/memory.usage_in_bytes`,
    stat: `${root}/memory${cgroupPath}/memory.stat`,
    inactiveKey: "total_inactive_file"
  } : { source: "cgroup-v2", usage: `${root}${cgroupPath}/memory.current`, stat: `${root}${cgroupPath}/memory.stat`, inactiveKey: "inactive_file" };
}
function workingSetBytes(usageText, statText, inactiveKey) {
  const usage = Number(usageText.trim());
  if (!/^\d+$/.test(usageText.trim())) return void 0;
  const line = statText.split("\n").find((entry) => entry.startsWith(`${inactiveKey} `));
  const inactive = line ? Number(line.slice(inactiveKey.length + 1)) : 0;
  return Math.max(0, usage - (Number.isFinite(inactive) ? inactive : 0));
}

// src/profile/process-tree.ts
var ROW = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/;
function parseProcessTable(stdout) {
  const rows = [];
  for (const line of stdout.split("\n").slice(1)) {
    const match = ROW.exec(line);
    if (match) rows.push({ pid: Number(match[1]), ppid: Number(match[2]), rssBytes: Number(match[3]) * 1024, args: match[4].trim() });
  }
  return rows;
}
var GUNICORN = /^(?:\S*\/)?(?:python[\d.]*\s+(?:-\S+\s+)*(?:\S*\/)?gunicorn|gunicorn)(?:[\s:]|$)/;
function gunicornTree(rows) {
  const byPid = new Map(rows.map((row) => [row.pid, row]));
  const children = (pid) => rows.filter((row) => row.ppid === pid);
  const roots = rows.filter((row) => GUNICORN.test(row.args) && !GUNICORN.test(byPid.get(row.ppid)?.args ?? ""));
  if (roots.length === 0) return { workers: [] };
  const master = roots.reduce((best, row) => children(row.pid).length > children(best.pid).length ? row : best);
  return { master, workers: children(master.pid).sort((a, b) => a.pid - b.pid) };
}

// src/profile/measure.ts
var readText = (file) => fs5.readFile(file, "utf8");
async function sampleLargestWorker(docker, containerId) {
  const { workers } = gunicornTree(parseProcessTable(await docker.processTable(containerId)));
  return largest(workers.map((worker) => worker.rssBytes));
}
async function measureProfile(docker, target, timings, workerRssAtBootBytes, read = readText, now = Date.now) {
  const started = now();
  const [table, imageSizeBytes] = await Promise.all([
    docker.processTable(target.containerId).catch(() => ""),
    docker.imageSize(target.image).catch(() => void 0)
  ]);
  const { master, workers } = gunicornTree(parseProcessTable(table));
  const workerRssBytes = workers.map((worker) => worker.rssBytes);
  const total = await containerMemory(docker, target.containerId, master?.pid, read);
  return {
    masterRssBytes: master?.rssBytes,
    workerRssBytes,
    largestWorkerRssBytes: largest(workerRssBytes),
    workerRssAtBootBytes,
    containerMemoryBytes: total?.bytes,
    containerMemorySource: total?.source,
    imageSizeBytes,
    firstWorkerMs: timings.firstWorkerMs,
    healthyMs: timings.healthyMs,
    measuredInMs: now() - started
  };
}
async function containerMemory(docker, containerId, hostPid, read) {
  if (hostPid !== void 0) {
    try {
      const files = memoryCgroupFiles(await read(`/proc/${hostPid}/cgroup`), containerId);
      if (files) {
        const bytes2 = workingSetBytes(await read(files.usage), await read(files.stat), files.inactiveKey);
        if (bytes2 !== void 0) return { bytes: bytes2, source: files.source };
      }
    } catch {
    }
  }
  const usage = await docker.memoryUsage(containerId).catch(() => void 0);
  const bytes = usage ? parseStatsMemory(usage) : void 0;
  return bytes !== void 0 ? { bytes, source: "docker-stats" } : void 0;
}
function largest(values) {
  return values.length > 0 ? Math.max(...values) : void 0;
}

// src/profile/fit.ts
var FIT_WARN_SHARE = 0.8;
var SHARED_MASTER_SHARE = 0.8;
var IMPORT_SHARE = 0.5;
var MIN_IMPORT_BYTES = 32e6;
function checkFit(profile, limitBytes, limitText) {
  const master = profile.masterRssBytes;
  const largest2 = profile.largestWorkerRssBytes;
  const workers = profile.workerRssBytes.length;
  if (master === void 0 || largest2 === void 0 || workers === 0 || limitBytes <= 0) return void 0;
  const budget = FIT_WARN_SHARE * limitBytes;
  const shared = master >= SHARED_MASTER_SHARE * largest2 && profile.containerMemoryBytes !== void 0;
  const perWorker = shared ? Math.max(largest2 - master, 1e6) : largest2;
  const projectedBytes = shared ? profile.containerMemoryBytes + profile.workerRssBytes.reduce((sum, rss) => sum + (largest2 - rss), 0) : master + workers * largest2;
  const fixed = projectedBytes - workers * perWorker;
  const share = projectedBytes / limitBytes;
  return {
    limitBytes,
    limitText,
    workers,
    projectedBytes,
    basis: shared ? "container" : "rss",
    share,
    warn: share > FIT_WARN_SHARE,
    workersFit: fitting(budget - fixed, perWorker),
    preload: shared ? {
      helps: false,
      reason: "The master already holds most of a worker's memory (preload_app is on, or the app is small), so there is nothing more to share."
    } : preloadAdvice(profile, master, largest2, budget, workers)
  };
}
function preloadAdvice(profile, master, largest2, budget, workers) {
  const atBoot = profile.workerRssAtBootBytes;
  if (atBoot === void 0) return { helps: false, reason: "No sample of a worker right after boot, so the import share is unknown." };
  const importBytes = Math.max(0, Math.min(atBoot, largest2) - master);
  const own = largest2 - master;
  if (importBytes < MIN_IMPORT_BYTES) {
    return { helps: false, importBytes, reason: `The app allocates only ${megabytes(importBytes)} MB at import: sharing it would save little.` };
  }
  if (importBytes < IMPORT_SHARE * own) {
    return {
      helps: false,
      importBytes,
      reason: `Most of a worker's memory is allocated after boot (${megabytes(largest2 - atBoot)} MB of ${megabytes(own)} MB): preload_app would not share it.`
    };
  }
  const perWorker = Math.max(largest2 - importBytes, 1e6);
  const workersFitWithPreload = fitting(budget - master - importBytes, perWorker);
  return {
    helps: workersFitWithPreload > fitting(budget - master, largest2) || workersFitWithPreload >= workers,
    importBytes,
    workersFitWithPreload,
    reason: `${megabytes(importBytes)} MB of each worker is allocated at import; loaded once in the master and shared copy-on-write, up to ${workersFitWithPreload} workers would fit.`
  };
}
function fitting(room, perWorker) {
  return Math.max(0, Math.floor(room / perWorker));
}

// src/diagnosis/explain.ts
var MAX_EVIDENCE_LINES = 12;
function explain(stage, input) {
  for (const reason of REASONS) {
    for (const rule of reason.rules) {
      if (rule.stage !== stage) continue;
      const finding = rule.detect(input);
      if (finding) return { ...worded(reason, finding, stage === "boot"), rule: rule.name };
    }
  }
  return void 0;
}
function worded(reason, finding, trim) {
  const { summary: summary2, remedy } = reason.words(finding.facts);
  const pointers = finding.pointers ?? (finding.location ? [finding.location] : []);
  const location = finding.location ?? pointers[0];
  const evidence = trim ? finding.evidence.filter((line, index, all) => line.trim() !== "" && all.indexOf(line) === index).slice(0, MAX_EVIDENCE_LINES) : finding.evidence;
  return {
    diagnosis: { reason: reason.id, summary: summary2, evidence, ...location ? { location } : {}, remedy },
    pointers
  };
}

// src/profile/verdict.ts
function withFit(profile, memory) {
  const limit = memory ? parseMemoryLimit(memory) : void 0;
  return limit === void 0 ? profile : { ...profile, fit: checkFit(profile, limit, memory) };
}
function fitNotes(profile) {
  const warning = fitWarning(profile?.fit);
  const annotation = fitAnnotation(profile?.fit);
  return { warnings: warning ? [warning] : [], annotations: annotation ? [annotation] : [] };
}
function withComparison(report, comparison) {
  const withBase = { ...report, comparison };
  if (report.result !== "pass" || !report.profile) return withBase;
  const explained = explain("profile", { profile: report.profile, comparison });
  if (!explained) return withBase;
  const { diagnosis } = explained;
  return {
    ...withBase,
    result: "fail",
    reason: diagnosis.reason,
    summary: diagnosis.summary,
    diagnosis,
    annotations: [...report.annotations, { level: "error", title: reasonById(diagnosis.reason).title, message: diagnosis.summary }]
  };
}

// src/smoke/profile.ts
function sampleAtBoot(run, running, findings) {
  if (!profileWaitsAfterBoot(run)) return;
  findings.workerRssAtBoot = sampleLargestWorker(run.deps.docker, running.containerId).catch(() => void 0);
}
function profileWaitsAfterBoot(run) {
  return run.settings.stabilityWindowSec > 0 || run.settings.loadRequests > 0 || Boolean(run.settings.websocketPath);
}
async function profileBoot(run, running, findings) {
  const firstBoot = running.watch.buffer.lines().find((line) => line.text.includes("Booting worker with pid"));
  const timings = {
    firstWorkerMs: firstBoot ? firstBoot.at - running.containerStartedAt : void 0,
    healthyMs: findings.healthyAt !== void 0 ? findings.healthyAt - running.containerStartedAt : void 0
  };
  const atBoot = await findings.workerRssAtBoot;
  const measured = await measureProfile(run.deps.docker, { containerId: running.containerId, image: running.image }, timings, atBoot);
  const profile = profileWaitsAfterBoot(run) ? measured : { ...measured, workerRssAtBootBytes: measured.largestWorkerRssBytes };
  findings.profile = withFit(profile, run.settings.memory);
  run.deps.ui.debug(`boot profile measured in ${profile.measuredInMs} ms`);
  return await running.watch.decided() ?? findings.outcome;
}

// src/smoke/stability.ts
async function watchStability(run, running, findings) {
  const { settings, now } = run;
  run.deps.ui.progress(`Watching for ${settings.stabilityWindowSec} s that no worker exits`);
  const windowStart = findings.load ? now() : findings.healthyAt;
  const windowEnd = windowStart + settings.stabilityWindowSec * 1e3;
  let outcome = "healthy";
  while (now() < windowEnd && !cancelled(run)) {
    await running.watch.sleep(Math.min(500, windowEnd - now()));
    const during = await running.watch.decided();
    if (during) {
      outcome = during;
      break;
    }
  }
  if (outcome === "healthy" && running.watch.tracker.state().bindInUse && !cancelled(run)) {
    outcome = await running.watch.decisionWhileBindFails(running.deadline) ?? "healthy";
  }
  findings.stabilityMs = now() - windowStart;
  return outcome;
}
function stabilityCheck(run, running, findings) {
  const { stabilityMs, outcome, healthyAt } = findings;
  const trouble = running.watch.workerTrouble;
  const detail = stabilityMs === void 0 ? "" : outcome === "healthy" ? `no worker exited in ${formatSeconds(run.settings.stabilityWindowSec * 1e3)}` : `a worker ${trouble?.what === "worker timeout" ? "timed out" : "exited"} ${formatSeconds((trouble?.at ?? run.now()) - healthyAt)} after the first healthy answer`;
  return {
    id: "stability",
    status: stabilityMs === void 0 ? "not-reached" : outcome === "healthy" ? "pass" : "fail",
    detail,
    durationMs: stabilityMs
  };
}

// src/smoke/websocket.ts
async function checkWebSocket(run, running) {
  const { settings, deps } = run;
  deps.ui.progress(`Checking the WebSocket route ${settings.websocketPath} (${settings.websocketProtocol})`);
  const outcome = await new WebSocketProbe({
    host: PROBE_HOST,
    // Only after a healthy answer, which needs the port.
    port: running.hostPort,
    path: settings.websocketPath,
    protocol: settings.websocketProtocol,
    send: settings.websocketSend,
    expect: settings.websocketExpect,
    timeoutMs: Math.max(2e3, running.deadline - run.now()),
    hostHeader: settings.hostHeader,
    signal: deps.signal
  }).start();
  deps.ui.info(`WebSocket ${settings.websocketPath}: ${outcome.detail}`);
  return outcome;
}
function websocketCheck(outcome) {
  return {
    id: "websocket",
    status: outcome ? outcome.ok ? "pass" : "fail" : "not-reached",
    detail: outcome?.detail ?? "",
    durationMs: outcome?.durationMs
  };
}

// src/smoke/after-healthy.ts
var AFTER_HEALTHY = [
  { enabled: (run) => run.settings.loadRequests > 0 && !cancelled(run), run: checkUnderLoad },
  { enabled: (run) => run.settings.stabilityWindowSec > 0, run: watchStability },
  { enabled: (run) => !cancelled(run), run: profileBoot }
];
async function afterHealthy(run, running, findings, workerCount, status) {
  run.deps.ui.info(`Healthy after ${findings.healthyAt - running.containerStartedAt} ms (HTTP ${status}).`);
  workerCount.start(run, running);
  sampleAtBoot(run, running, findings);
  if (run.settings.websocketPath) findings.websocket = await checkWebSocket(run, running);
  findings.outcome = await running.watch.decided() ?? (findings.websocket && !findings.websocket.ok ? "health-failed" : "healthy");
  for (const phase of AFTER_HEALTHY) {
    if (findings.outcome !== "healthy") break;
    if (phase.enabled(run)) findings.outcome = await phase.run(run, running, findings);
  }
}

// src/smoke/build.ts
import fs6 from "node:fs";
var OUTPUT_TAIL = 400;
async function buildImage(run) {
  const { settings, deps, now } = run;
  if (settings.image) {
    run.checks.set({ id: "build", status: "skipped", detail: `prebuilt \`${settings.image}\``, durationMs: 0 });
    return { image: settings.image };
  }
  if (usesBuildx(settings) && !await deps.docker.buildxVersion()) {
    throw new DockerError(
      "The inputs 'cache-from' and 'cache-to' need Docker Buildx, which this runner does not have: add docker/setup-buildx-action before this step."
    );
  }
  const buildStart = now();
  const output = [];
  const dockerfileRel = repoRelative(settings.workspace, settings.dockerfile);
  const onLine = (line) => {
    output.push(line);
    if (output.length > OUTPUT_TAIL) output.splice(0, output.length - OUTPUT_TAIL);
    deps.ui.buildOutput(line);
  };
  deps.ui.progress(`Building ${dockerfileRel}`);
  const exitCode = await deps.ui.group(
    `Build ${dockerfileRel}`,
    () => deps.docker.build(buildArgs(settings, deps.identity), { onStdout: onLine, onStderr: onLine, signal: deps.signal })
  );
  const durationMs = now() - buildStart;
  if (deps.signal?.aborted) throw new CancelledError();
  if (exitCode === 0) {
    run.checks.set({ id: "build", status: "pass", detail: `built \`${dockerfileRel}\``, durationMs });
    return { image: deps.identity.imageTag };
  }
  const dockerfileText = readText2(settings.dockerfile);
  const failure = parseBuildFailure(output, dockerfileText);
  const { diagnosis, pointers } = explain("build", {
    failure,
    workspace: settings.workspace,
    contextDir: settings.context,
    dockerfile: settings.dockerfile,
    dockerfileText,
    pythonVersion: await basePythonVersion(run, failure)
  });
  run.checks.set({
    id: "build",
    status: "fail",
    detail: failure.instruction ? `failed at \`${clip(failure.instruction, 80)}\`` : "failed",
    durationMs
  });
  return {
    failed: {
      result: "fail",
      reason: diagnosis.reason,
      summary: diagnosis.summary,
      diagnosis,
      dockerfile: dockerfileRel,
      annotations: buildAnnotations(diagnosis, pointers),
      log: output.map((text, seq) => ({ seq, stream: "stdout", text, at: buildStart })),
      logTotalLines: output.length
    }
  };
}
function buildAnnotations(diagnosis, pointers) {
  const title = `Gunicorn smoke: ${reasonById(diagnosis.reason).title}`;
  return pointers.map(({ file, line }) => ({ level: "error", title, message: `${diagnosis.summary} ${diagnosis.remedy}`, file, line }));
}
async function basePythonVersion(run, failure) {
  if (!failure.baseImage || !pythonVersionUnstated(failure.stepOutput)) return void 0;
  const result = await run.deps.docker.runToCompletion(pythonVersionArgs(failure.baseImage, run.deps.identity));
  return result.exitCode === 0 ? result.stdout.trim().match(/^\d+\.\d+\.\d+$/)?.[0] : void 0;
}
function readText2(file) {
  try {
    return fs6.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
}

// src/smoke/checks.ts
var TABLE = [
  { id: "build", label: () => "Image build", shown: () => true },
  { id: "start", label: () => "Gunicorn start", shown: () => true },
  { id: "workers", label: () => "Workers booted", shown: () => true },
  { id: "health", label: (settings) => `Health \`${settings.healthPath}\``, shown: () => true },
  { id: "websocket", label: (settings) => `WebSocket \`${settings.websocketPath ?? ""}\``, shown: (settings) => Boolean(settings.websocketPath) },
  { id: "stability", label: () => "Stability", shown: (settings) => settings.stabilityWindowSec > 0 },
  { id: "load", label: () => "Load", shown: (settings) => settings.loadRequests > 0 }
];
var Checks = class {
  rows = /* @__PURE__ */ new Map();
  /** Records the row of a check that ran. */
  set(row) {
    this.rows.set(row.id, row);
  }
  /** The rows the settings show, in the table's order, labelled from the table. */
  ordered(settings) {
    return TABLE.filter((check) => check.shown(settings)).map(({ id, label }) => {
      const row = this.rows.get(id) ?? { id, status: "not-reached", detail: "" };
      const { status, detail, durationMs } = row;
      return durationMs === void 0 ? { id, label: label(settings), status, detail } : { id, label: label(settings), status, detail, durationMs };
    });
  }
};

// src/profile/compare.ts
import fs7 from "node:fs";
import os2 from "node:os";
import path11 from "node:path";

// src/profile/git.ts
var gitCommandRunner = async (args, cwd) => {
  const result = await getExecOutput("git", args, { cwd, ignoreReturnCode: true, silent: true });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
};
var hasCommitArgs = (sha) => ["cat-file", "-e", `${sha}^{commit}`];
var fetchCommitArgs = (sha) => ["fetch", "--no-tags", "--depth=1", "origin", sha];
var addWorktreeArgs = (dir, sha) => ["worktree", "add", "--detach", dir, sha];
var removeWorktreeArgs = (dir) => ["worktree", "remove", "--force", dir];
var pruneWorktreesArgs = () => ["worktree", "prune"];
var Git = class {
  constructor(repo, runner = gitCommandRunner) {
    this.repo = repo;
    this.runner = runner;
  }
  repo;
  runner;
  async hasCommit(sha) {
    return (await this.runner(hasCommitArgs(sha), this.repo)).exitCode === 0;
  }
  /** Fetches one commit by SHA; the error is git's first line of complaint. */
  async fetchCommit(sha) {
    await this.must(fetchCommitArgs(sha));
  }
  async addWorktree(dir, sha) {
    await this.must(addWorktreeArgs(dir, sha));
  }
  /** Best effort: the directory is removed by the caller anyway, and prune forgets a worktree already gone. */
  async removeWorktree(dir) {
    await this.runner(removeWorktreeArgs(dir), this.repo).catch(() => void 0);
    await this.runner(pruneWorktreesArgs(), this.repo).catch(() => void 0);
  }
  async must(args) {
    const result = await this.runner(args, this.repo);
    if (result.exitCode !== 0) {
      const why = result.stderr.split("\n").map((line) => line.replace(/^(fatal|error): /, "").trim()).find(Boolean);
      throw new Error(why ?? `git ${args[0]} exited with ${result.exitCode}`);
    }
  }
};

// src/profile/compare.ts
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function baseShaFrom(eventName, payload) {
  if (!PULL_REQUEST_EVENTS.has(eventName)) return void 0;
  const sha = payload?.pull_request?.base?.sha;
  return typeof sha === "string" && /^[0-9a-f]{40}$/i.test(sha) ? sha : void 0;
}
function baseIdentity(identity) {
  return { runKey: identity.runKey, containerName: `${identity.containerName}-base`, imageTag: `${identity.imageTag}-base` };
}
function rebaseSettings(settings, tree) {
  const move = (file) => path11.join(tree, path11.relative(settings.workspace, file));
  return { ...settings, workspace: tree, context: move(settings.context), dockerfile: settings.dockerfile ? move(settings.dockerfile) : void 0 };
}
async function compareWithBase(options) {
  const { settings } = options;
  const sha = baseShaFrom(options.eventName, options.payload);
  const only = "this commit's figures only.";
  if (!sha) {
    const event = options.eventName || "unknown";
    return { regressions: [], note: `\`compare: base\` needs a pull request event (this run is \`${event}\`): ${only}` };
  }
  const short = sha.slice(0, 7);
  const git = options.git ?? new Git(settings.workspace);
  try {
    if (!await git.hasCommit(sha)) await git.fetchCommit(sha);
  } catch (error) {
    return { sha, regressions: [], note: `The base commit ${short} could not be fetched (${oneLine2(error)}): ${only}` };
  }
  const tree = fs7.mkdtempSync(path11.join(options.tempDir ?? os2.tmpdir(), "gunicorn-smoke-base-"));
  const identity = baseIdentity(options.identity);
  try {
    await git.addWorktree(tree, sha);
    const base = rebaseSettings(settings, tree);
    const dockerfile = base.dockerfile ? path11.relative(tree, base.dockerfile) : "Dockerfile";
    if (!fs7.existsSync(base.context) || !base.dockerfile || !fs7.existsSync(base.dockerfile)) {
      return { sha, regressions: [], note: `The base commit ${short} has no \`${dockerfile}\` to build: ${only}` };
    }
    const report = await options.smoke(base, identity);
    if (report.result !== "pass" || !report.profile) {
      const why = report.reason ? ` (\`${report.reason}\`)` : "";
      return { sha, regressions: [], note: `The base commit ${short} did not build and boot${why}: ${only}` };
    }
    return { sha, profile: report.profile, regressions: regressionsBeyond(options.head, report.profile, options.limits) };
  } catch (error) {
    if (error instanceof Error && error.name === "CancelledError") throw error;
    return { sha, regressions: [], note: `The base commit ${short} could not be checked (${oneLine2(error)}): ${only}` };
  } finally {
    await options.docker.removeContainers([identity.containerName, `${identity.containerName}-config`]).catch(() => void 0);
    await options.docker.removeImage(identity.imageTag).catch(() => void 0);
    await git.removeWorktree(tree);
    fs7.rmSync(tree, { recursive: true, force: true });
  }
}
function oneLine2(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0].replace(/\.$/, "");
}

// src/smoke/compare.ts
async function compareWithBaseCommit(run, report, smoke) {
  const { settings, deps } = run;
  if (settings.compare !== "base" || report.result !== "pass" || !report.profile) return report;
  const eventName = deps.event?.name ?? "";
  const short = baseShaFrom(eventName, deps.event?.payload)?.slice(0, 7);
  const comparison = await compareWithBase({
    settings,
    eventName,
    payload: deps.event?.payload,
    identity: deps.identity,
    docker: deps.docker,
    head: report.profile,
    limits: settings.regressionLimits,
    tempDir: deps.event?.tempDir,
    smoke: (base, identity) => {
      deps.ui.progress(`Comparing with the base commit ${short}: the same smoke test on it`);
      return deps.ui.group(
        `Base commit ${short}`,
        () => smoke({ ...base, compare: "none", regressionLimits: {} }, { ...deps, identity, event: void 0 })
      );
    }
  });
  if (comparison.note) deps.ui.info(comparison.note);
  return withComparison(report, comparison);
}

// src/gunicorn/line-reading.ts
var BOUNDARIES = [
  {
    pattern: /\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\] \[\d+\] \[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\] /g,
    // One prefix ends its `] [` before column 40; a second one lies beyond.
    worth: (text) => text.lastIndexOf("] [") > 40
  },
  { pattern: /Traceback \(most recent call last\):/g, worth: (text) => laterThanLeadIn(text, "Traceback (") },
  { pattern: /File "[^"]+", line \d+/g, worth: (text) => laterThanLeadIn(text, 'File "') },
  // a kernel log record (dmesg) in the middle of the text
  { pattern: /\[\s*\d+\.\d{6}\] /g, worth: (text) => text.includes("] ") && /\[\s*\d+\.\d{6}\] /.test(text) },
  // a journal prefix in the middle of the text (journalctl output pasted without its newlines)
  { pattern: /(?<=\s)[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d \S+ [^\s[\]]+\[\d+\]: /g, worth: (text) => text.includes("]: ") }
];
function laterThanLeadIn(text, needle) {
  return text.indexOf(needle, text.search(/[^\s[`"',>]/) + 1) !== -1;
}
var JSON_ARRAY_SEPARATOR = /"\]?\s*,\s*"/;
var LEAD_IN = /^[\s[`"',>]*$/;
function readableSegments(raw) {
  const text = stripLinePrefixes(raw.endsWith("\r") ? raw.slice(0, -1) : raw);
  const pieces = text.includes('\\"') && JSON_ARRAY_SEPARATOR.test(text) ? jsonArrayPieces(text) : [text];
  const segments = [];
  for (const piece of pieces) {
    for (const segment of splitAtBoundaries(piece)) segments.push(plainQuotes(stripLinePrefixes(segment)));
  }
  return segments.length > 1 ? segments.filter((segment) => segment.trim() !== "") : segments;
}
function jsonArrayPieces(text) {
  return text.split(JSON_ARRAY_SEPARATOR).map((piece) => piece.replace(/\\"/g, '"').replace(/^\s*[[\]"]+|["\]}]+$/g, "")).filter((piece) => piece.trim() !== "");
}
function splitAtBoundaries(text) {
  const cuts = /* @__PURE__ */ new Set();
  for (const { pattern, worth } of BOUNDARIES) {
    if (!worth(text)) continue;
    for (const match of text.matchAll(pattern)) if (match.index > 0) cuts.add(match.index);
  }
  if (cuts.size === 0) return [text];
  const segments = [];
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const before = text.slice(start, cut);
    if (LEAD_IN.test(before)) continue;
    segments.push(frameIndent(before.trimEnd()));
    start = cut;
  }
  segments.push(frameIndent(text.slice(start)));
  return segments;
}
function frameIndent(segment) {
  return segment.startsWith('File "') ? `  ${segment}` : segment;
}

// src/gunicorn/log-parser.ts
var TRACEBACK_HEADER = /^\s*\[?Traceback \(most recent call last\):\s*$/;
var FRAME2 = /^\s*File "(.+)", line (\d+)(?:, in ?(.*?))?\s*$/;
var CARETS = /^\s*[~^]+[\s~^]*$/;
var CHAIN_MARKER = /^\s*(During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:)\s*$/;
var EXCEPTION_LINE2 = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?:: ?(.*))?$/;
var EXCEPTION_NAME = /(Error|Exception|Exit|Interrupt|Iteration|Warning|Timeout|Fault|Failure|HaltServer)$/;
var BARE_EXCEPTION = /^(ModuleNotFoundError|ImportError|SyntaxError|IndentationError|NameError|AttributeError|KeyError|TypeError|ValueError|RuntimeError|OSError|MemoryError|PermissionError|FileNotFoundError|ConnectionRefusedError|[a-z_]\w*(?:\.\w+)+(?:Error|Exception|ImproperlyConfigured|HaltServer)): (.+)$/;
var HALT_SERVER = /^<HaltServer '(.*)' (\d+)>$/;
var MAX_TRACEBACK_LINES = 400;
var GunicornLogParser = class {
  kept = [];
  keepEvents;
  /** Open tracebacks, oldest first: several workers may write theirs at the same time. */
  open = [];
  /** Workers that logged `Exception in worker process` whose traceback has not started yet. */
  pendingExceptionPids = [];
  nextIsChained = false;
  faults = new FaultDumpReader();
  /** An exception line that ended with `: ` (Django's messages start with a newline): the next line is its message. */
  awaitingMessage;
  constructor(options = {}) {
    this.keepEvents = options.keepEvents ?? true;
  }
  get events() {
    return this.kept;
  }
  push(line) {
    const out = [];
    for (const text of readableSegments(line.text)) this.read(line, text, out);
    if (this.keepEvents) for (const event of out) this.kept.push(event);
    return out;
  }
  /** Ends the stream: a traceback the log ends inside becomes a cut-traceback, other open lines raw. */
  flush() {
    const out = [];
    this.faults.flush(out);
    for (const traceback of this.open) {
      if (traceback.frames.length > 0) out.push({ kind: "cut-traceback", frames: traceback.frames, pid: traceback.pid, lines: traceback.lines });
      else for (const line of traceback.lines) out.push({ kind: "raw", text: line.text, lines: [line] });
    }
    this.open = [];
    this.pendingExceptionPids = [];
    this.awaitingMessage = void 0;
    if (this.keepEvents) for (const event of out) this.kept.push(event);
    return out;
  }
  read(line, text, out) {
    const first = text.charCodeAt(0);
    const prefixed = first === 91 || first >= 48 && first <= 57 ? PREFIX.exec(text) : null;
    if (prefixed) {
      this.awaitingMessage = void 0;
      const prefix = { timestamp: prefixed[1] ?? prefixed[2], pid: Number(prefixed[3]), level: prefixed[4] };
      out.push(this.prefixedEvent(line, prefixed[5], prefix));
    } else {
      this.unprefixed(line, text, out);
    }
  }
  prefixedEvent(line, message, prefix) {
    for (const [pattern, build] of PREFIXED) {
      const m = pattern.exec(message);
      if (!m) continue;
      const event = { ...build(m, prefix), lines: [line], prefix };
      if (event.kind === "worker-exception") this.pendingExceptionPids.push(event.pid);
      return event;
    }
    return { kind: "raw", text: message, lines: [line], prefix };
  }
  unprefixed(line, text, out) {
    if (this.faults.consume(line, text, out)) return;
    if (TRACEBACK_HEADER.test(text)) {
      this.awaitingMessage = void 0;
      this.open.push({ lines: [line], frames: [], pid: this.pendingExceptionPids.shift(), chained: this.nextIsChained });
      this.nextIsChained = false;
      return;
    }
    if (this.awaitingMessage && this.continuesMessage(line, text)) return;
    if (this.open.length > 0 && this.consumeTracebackLine(line, text, out)) return;
    if (FRAME2.test(text)) {
      this.open.push({ lines: [], frames: [], pid: this.pendingExceptionPids.shift(), chained: this.nextIsChained, headless: true });
      this.nextIsChained = false;
      this.consumeTracebackLine(line, text, out);
      return;
    }
    if (CHAIN_MARKER.test(text)) {
      this.nextIsChained = true;
      out.push({ kind: "raw", text, lines: [line] });
      return;
    }
    for (const pattern of CONFIG_ERRORS) {
      const m = pattern.exec(text);
      if (m) {
        out.push({ kind: "config-error", message: m[1].trim(), lines: [line] });
        return;
      }
    }
    if (APP_LOAD_ERRORS.some((pattern) => pattern.test(text))) {
      out.push({ kind: "app-load-error", message: text, lines: [line] });
      return;
    }
    const bare = BARE_EXCEPTION.exec(text);
    if (bare) {
      const event = {
        kind: "traceback",
        frames: [],
        exception: { type: bare[1], message: bare[2], line: text },
        chained: this.nextIsChained,
        headless: true,
        lines: [line]
      };
      this.nextIsChained = false;
      out.push(event);
      return;
    }
    out.push(segfaultReport(line, text) ?? { kind: "raw", text, lines: [line] });
  }
  continuesMessage(line, text) {
    const event = this.awaitingMessage;
    if (text.trim() === "") return false;
    this.awaitingMessage = void 0;
    if (FRAME2.test(text) || CHAIN_MARKER.test(text)) return false;
    event.exception.message = text.trim();
    event.lines.push(line);
    return true;
  }
  /** Returns false when the line does not belong to any open traceback. */
  consumeTracebackLine(line, text, out) {
    const frame = FRAME2.exec(text);
    if (frame) {
      const target = this.open.reduce((best, tb) => tb.frames.length < best.frames.length ? tb : best);
      target.frames.push({ file: frame[1], line: Number(frame[2]), func: frame[3] || void 0 });
      target.lines.push(line);
      return this.checkLength(target, out);
    }
    const indented = text.length > 0 && (text.charCodeAt(0) === 32 || text.charCodeAt(0) === 9);
    if (indented) {
      const waitingForCode = this.open.find((tb) => tb.frames.length > 0 && tb.frames[tb.frames.length - 1].code === void 0);
      const target = waitingForCode ?? this.open[this.open.length - 1];
      if (waitingForCode && !CARETS.test(text)) waitingForCode.frames[waitingForCode.frames.length - 1].code = text.trim();
      target.lines.push(line);
      return this.checkLength(target, out);
    }
    const exception2 = EXCEPTION_LINE2.exec(text);
    if (exception2 && looksLikeExceptionName(exception2[1])) {
      this.closeTraceback(line, text, exception2[1], exception2[2] ?? "", out);
      return true;
    }
    return false;
  }
  closeTraceback(line, text, name, message, out) {
    const index = this.open.findIndex((tb) => tb.frames.length > 0);
    const [traceback] = this.open.splice(index === -1 ? 0 : index, 1);
    traceback.lines.push(line);
    const event = {
      kind: "traceback",
      frames: traceback.frames,
      exception: { type: name, message, line: text },
      pid: traceback.pid,
      chained: traceback.chained,
      lines: traceback.lines
    };
    if (traceback.headless) event.headless = true;
    out.push(event);
    if (/:\s*$/.test(text) && message.trim() === "") this.awaitingMessage = event;
    const halt = name.endsWith("HaltServer") ? HALT_SERVER.exec(message) : null;
    if (halt) out.push({ kind: "halt-server", reason: halt[1], code: Number(halt[2]), lines: [line] });
  }
  checkLength(traceback, out) {
    if (traceback.lines.length >= MAX_TRACEBACK_LINES) {
      this.open.splice(this.open.indexOf(traceback), 1);
      for (const line of traceback.lines) out.push({ kind: "raw", text: line.text, lines: [line] });
    }
    return true;
  }
};
var SHELL_SEGFAULT = /^(?!Fatal Python error)(?:.*\s)?Segmentation fault(?:\s+\(core dumped\))?(?:\s.*)?$/;
var KERNEL_SEGFAULT = /^\[\s*\d+\.\d+\] ([^\s[]+)\[\d+\]: segfault at \S+ ip \S+ sp \S+ error \d+(?: in ([^\s[]+))?/;
function segfaultReport(line, text) {
  const kernel = KERNEL_SEGFAULT.exec(text);
  if (kernel) return { kind: "segfault-report", reporter: "kernel", process: kernel[1], library: kernel[2], lines: [line] };
  return SHELL_SEGFAULT.test(text) ? { kind: "segfault-report", reporter: "shell", lines: [line] } : void 0;
}
function looksLikeExceptionName(name) {
  if (/^socket\.(gaierror|herror|timeout)$/.test(name)) return true;
  const lastSegment = name.slice(name.lastIndexOf(".") + 1);
  if (EXCEPTION_NAME.test(lastSegment)) return true;
  return name.includes(".") && /^[A-Z]/.test(lastSegment);
}

// src/gunicorn/boot-tracker.ts
var BootTracker = class {
  parser = new GunicornLogParser({ keepEvents: false });
  kept = [];
  options;
  version;
  workerClass;
  binds = [];
  masterPid;
  started = false;
  bindInUse = false;
  booted = /* @__PURE__ */ new Set();
  dead = /* @__PURE__ */ new Set();
  alive = /* @__PURE__ */ new Set();
  failedBoot = /* @__PURE__ */ new Set();
  timedOut = /* @__PURE__ */ new Set();
  deaths = [];
  timeouts = 0;
  /** Set by `Handling signal: term|int|quit|hup`: workers leaving after that were asked to. */
  stopping = false;
  /** Without expectedWorkers: boots less than 2 s apart at the start form the initial set. */
  inferredExpected;
  initialBoots = 0;
  lastBootAt;
  gaveUp;
  constructor(options = {}) {
    this.options = {
      expectedWorkers: options.expectedWorkers,
      maxWorkerDeaths: options.maxWorkerDeaths ?? 6,
      maxWorkerTimeouts: options.maxWorkerTimeouts ?? 2,
      keepEvents: options.keepEvents ?? true
    };
  }
  push(line) {
    const events2 = this.parser.push(line);
    const signal = { events: events2 };
    for (const event of events2) this.apply(event, line, signal);
    return signal;
  }
  /** End of the log: unfinished tracebacks become raw events. */
  flush() {
    const events2 = this.parser.flush();
    if (this.options.keepEvents) for (const event of events2) this.kept.push(event);
    return events2;
  }
  /** Parsed events except `raw` lines (those stay in the log itself). */
  get events() {
    return this.kept;
  }
  state() {
    return {
      version: this.version,
      workerClass: this.workerClass,
      binds: [...this.binds],
      masterPid: this.masterPid,
      bootedPids: [...this.booted],
      deadPids: [...this.dead],
      alivePids: [...this.alive],
      failedBootPids: [...this.failedBoot],
      deaths: [...this.deaths],
      timeouts: this.timeouts,
      expectedWorkers: this.options.expectedWorkers ?? this.inferredExpected ?? (this.initialBoots || void 0),
      started: this.started,
      bindInUse: this.bindInUse,
      gaveUp: this.gaveUp
    };
  }
  facts() {
    return {
      version: this.version,
      workerClass: this.workerClass,
      binds: [...this.binds],
      workersExpected: this.options.expectedWorkers ?? this.inferredExpected,
      workersBooted: this.booted.size,
      workersDied: this.dead.size
    };
  }
  apply(event, line, signal) {
    if (this.options.keepEvents && event.kind !== "raw") this.kept.push(event);
    switch (event.kind) {
      case "master-start":
        this.started = true;
        this.version = event.version;
        return;
      case "connection-in-use":
        this.bindInUse = true;
        signal.bindInUse = true;
        return;
      case "listening":
        this.bindInUse = false;
        this.binds = event.addresses.map(stripScheme);
        this.masterPid = event.masterPid ?? event.prefix?.pid;
        return;
      case "worker-class":
        this.workerClass = event.workerClass;
        return;
      case "worker-boot":
        this.onBoot(event.pid, eventTime(event), line, signal);
        return;
      case "handling-signal":
        if (["term", "int", "quit", "hup"].includes(event.signal.toLowerCase())) this.stopping = true;
        return;
      case "worker-exception":
        this.failedBoot.add(event.pid);
        return;
      case "worker-exiting":
        this.onDeath({ pid: event.pid }, line, signal);
        return;
      case "worker-exit":
        this.onDeath({ pid: event.pid, code: event.code }, line, signal);
        return;
      case "worker-signal":
        this.onDeath({ pid: event.pid, signal: event.signal }, line, signal);
        return;
      case "worker-timeout":
        this.timeouts++;
        this.timedOut.add(event.pid);
        signal.workerTimeout = event.pid;
        if (this.timeouts >= this.options.maxWorkerTimeouts)
          this.giveUp(`workers keep timing out while booting (${this.timeouts} WORKER TIMEOUT lines)`, line, signal);
        return;
      case "shutdown":
        if (event.reason) this.giveUp(`Gunicorn shut down: ${event.reason}`, line, signal);
        return;
      case "halt-server":
        this.giveUp(`Gunicorn halted: ${event.reason} (exit code ${event.code})`, line, signal);
        return;
      case "cant-connect":
        this.giveUp(`Gunicorn could not bind ${event.address}`, line, signal);
        return;
      case "config-error":
        this.giveUp(`Gunicorn rejected its configuration: ${event.message}`, line, signal);
        return;
      case "app-load-error":
        this.giveUp(`Gunicorn could not load the application: ${event.message}`, line, signal);
        return;
      case "traceback":
        if (event.pid === void 0 && !this.started && !event.chained)
          this.giveUp(`Gunicorn crashed before starting: ${event.exception.line}`, line, signal);
        return;
      case "main-loop-exception":
        this.giveUp("the Gunicorn master crashed (Unhandled exception in main loop)", line, signal);
        return;
      default:
        return;
    }
  }
  onBoot(pid, at, line, signal) {
    if (this.booted.has(pid)) return;
    if (this.options.expectedWorkers === void 0 && this.inferredExpected === void 0) {
      const inBurst = this.deaths.length === 0 && (this.lastBootAt === void 0 || at - this.lastBootAt < 2e3);
      if (inBurst) this.initialBoots++;
      else this.inferredExpected = this.initialBoots;
    }
    this.lastBootAt = at;
    const expected = this.options.expectedWorkers ?? this.inferredExpected;
    if (expected !== void 0 && this.alive.size >= expected && !this.stopping) {
      const oldest = this.alive.values().next().value;
      this.onDeath({ pid: oldest, presumed: true }, line, signal);
    }
    this.booted.add(pid);
    this.alive.add(pid);
    signal.workerBooted = pid;
  }
  onDeath(death, line, signal) {
    if (!this.booted.has(death.pid)) return;
    const known = this.deaths.find((d) => d.pid === death.pid);
    if (known) {
      known.code ??= death.code;
      known.signal ??= death.signal;
      return;
    }
    const record = {
      pid: death.pid,
      code: death.code,
      signal: death.signal,
      afterBoot: true,
      bootException: this.failedBoot.has(death.pid),
      presumed: death.presumed,
      seq: line.seq
    };
    this.deaths.push(record);
    this.dead.add(death.pid);
    this.alive.delete(death.pid);
    signal.workerDied = record;
    if (this.gaveUp || this.stopping) return;
    if (this.inferredExpected === void 0 && this.options.expectedWorkers === void 0) this.inferredExpected = this.initialBoots;
    if (this.alive.size === 0 && this.failedBoot.size > 0) {
      this.giveUp(`every worker failed to boot (${this.failedBoot.size} raised an exception, none is alive)`, line, signal);
    } else if (this.countedDeaths() >= this.options.maxWorkerDeaths) {
      this.giveUp(`workers keep dying (${this.countedDeaths()} exited or were killed)`, line, signal);
    }
  }
  /** Deaths the master did not ask for: SIGTERM at shutdown/reload is not a crash. */
  countedDeaths() {
    return this.deaths.filter((d) => d.signal !== "SIGTERM").length;
  }
  giveUp(why, line, signal) {
    if (this.gaveUp) return;
    this.gaveUp = { why, line };
    signal.gaveUp = this.gaveUp;
  }
};
function eventTime(event) {
  if (event.prefix) {
    const parsed = Date.parse(event.prefix.timestamp.replace(" ", "T").replace(/ ([+-]\d\d)(\d\d)$/, "$1:$2"));
    if (!Number.isNaN(parsed)) return parsed;
  }
  return event.lines[0].at;
}
function stripScheme(address) {
  return address.replace(/^https?:\/\//, "");
}

// src/log-buffer.ts
var LogBuffer = class {
  constructor(headSize = 300, tailSize = 4e3) {
    this.headSize = headSize;
    this.tailSize = tailSize;
  }
  headSize;
  tailSize;
  head = [];
  tail = [];
  tailStart = 0;
  total = 0;
  push(line) {
    this.total++;
    if (this.head.length < this.headSize) {
      this.head.push(line);
      return;
    }
    this.tail.push(line);
    if (this.tail.length - this.tailStart > this.tailSize) this.tailStart++;
    if (this.tailStart > this.tailSize) {
      this.tail.splice(0, this.tailStart);
      this.tailStart = 0;
    }
  }
  /** The kept lines in order; a gap between head and tail means lines were dropped. */
  lines() {
    return [...this.head, ...this.tail.slice(this.tailStart)];
  }
  get totalLines() {
    return this.total;
  }
  get droppedLines() {
    return this.total - this.head.length - (this.tail.length - this.tailStart);
  }
};

// src/smoke/log-watch.ts
var SETTLE_MS = 150;
var LogWatch = class {
  constructor(now, signal) {
    this.now = now;
    this.signal = signal;
    signal?.addEventListener("abort", this.onAbort);
  }
  now;
  signal;
  buffer = new LogBuffer();
  tracker = new BootTracker();
  /** When the first line saying Gunicorn gave up arrived. */
  firstFatalAt;
  /** The first worker that died or timed out. */
  workerTrouble;
  /** The container stopped by itself. */
  exited;
  seq = 0;
  signalled = false;
  wake = () => void 0;
  onAbort = () => this.wake();
  /** Follows the container's log and exit; resolves when the log ends. */
  follow(docker, containerId) {
    const logsDone = docker.followLogs(containerId, (stream, text) => this.push(stream, text));
    void docker.wait(containerId).then((code2) => this.containerExited(code2));
    return logsDone;
  }
  push(stream, text) {
    const line = { seq: this.seq++, stream, text, at: this.now() };
    this.buffer.push(line);
    const signal = this.tracker.push(line);
    if (signal.gaveUp && this.firstFatalAt === void 0) this.firstFatalAt = line.at;
    if (signal.workerDied || signal.workerTimeout !== void 0) {
      this.workerTrouble ??= { at: line.at, what: signal.workerTimeout !== void 0 ? "worker timeout" : "worker exited" };
    }
    const listening = signal.events.some((event) => event.kind === "listening");
    if (signal.gaveUp || signal.workerDied || signal.workerTimeout !== void 0 || signal.workerBooted !== void 0 || signal.bindInUse || listening)
      this.nudge();
  }
  containerExited(code2) {
    this.exited = { code: code2, at: this.now() };
    this.wake();
  }
  /** Ends the current (or the next) `sleep()` early: something worth a look happened. */
  nudge() {
    this.signalled = true;
    this.wake();
  }
  /** Waits up to `ms`, returning early at the first signal (or at once if one arrived since the last sleep). */
  sleep(ms) {
    return new Promise((resolve2) => {
      if (this.signalled) {
        this.signalled = false;
        resolve2();
        return;
      }
      const timer = setTimeout(() => {
        this.wake = () => void 0;
        resolve2();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = () => void 0;
        this.signalled = false;
        resolve2();
      };
    });
  }
  /**
   * Whether the log or the container already decided the run: Gunicorn gave up, the container exited, or a
   * worker died or timed out (the app is unstable). The one place that maps those signals to an outcome.
   */
  async decided() {
    if (this.firstFatalAt === void 0 && !this.exited && !this.workerTrouble) return void 0;
    const since = this.firstFatalAt ?? this.workerTrouble?.at ?? this.exited.at;
    const remaining = since + SETTLE_MS - this.now();
    if (remaining > 0 && !this.exited) await this.sleep(remaining);
    const state = this.tracker.state();
    if (state.gaveUp || state.deaths.some((death) => death.bootException)) return "gave-up";
    if (this.exited) return "container-exited";
    if (this.workerTrouble) return "unstable";
    return void 0;
  }
  /**
   * After a healthy answer that came before the log said Gunicorn listens: waits (boundedly) for the log to
   * catch up, and tells whether the answer came from another process holding the port Gunicorn could not bind.
   */
  async answeredByAnotherProcess(graceMs) {
    const until = this.now() + graceMs;
    for (; ; ) {
      const state = this.tracker.state();
      if (state.bindInUse) return true;
      if (state.binds.length > 0 || state.bootedPids.length > 0 || this.exited || this.now() >= until) return false;
      await this.sleep(until - this.now());
    }
  }
  /**
   * Waits until the log or the container decides the run; stops early when `stillWaiting` turns false, the
   * deadline passes or the job is cancelled.
   */
  async decisionBy(deadline, stillWaiting = () => true) {
    for (; ; ) {
      const decision = await this.decided();
      if (decision || !stillWaiting() || this.signal?.aborted || this.now() >= deadline) return decision;
      await this.sleep(deadline - this.now());
    }
  }
  /** The wait for Gunicorn's verdict on a bind that keeps failing; it ends early if a retry binds after all. */
  decisionWhileBindFails(deadline) {
    return this.decisionBy(deadline, () => this.tracker.state().bindInUse);
  }
  /** Stops listening for the job's cancellation. */
  dispose() {
    this.signal?.removeEventListener("abort", this.onAbort);
  }
};

// src/smoke/report.ts
function reportOf(run, fields) {
  const { settings, now } = run;
  return {
    checks: run.checks.ordered(settings),
    gunicorn: { binds: [], workersBooted: 0, workersDied: 0 },
    websocket: settings.websocketPath ? "failed" : "skipped",
    advisories: [],
    warnings: run.warnings,
    annotations: [],
    log: [],
    logTotalLines: 0,
    settingSources: run.settingSources,
    settings: {
      PYTHONFAULTHANDLER: settings.env.some(([name]) => name === "PYTHONFAULTHANDLER") ? "from env" : settings.faulthandler ? "1" : "unset",
      hostHeader: settings.hostHeader
    },
    startedAt: new Date(run.startedAt).toISOString(),
    durationMs: now() - run.startedAt,
    metadata: run.deps.metadata,
    ...fields
  };
}
function hostEnvWarnings(settings, hostFilledEnv = []) {
  const unset = hostFilledEnv.filter((name) => !settings.env.some(([given]) => given === name));
  if (unset.length === 0) return [];
  return [
    `render.yaml leaves ${unset.map((name) => `\`${name}\``).join(", ")} for the host to fill: set them with the \`env\` input if the app needs them at boot.`
  ];
}

// src/smoke/stack-request.ts
import { readFileSync as readFileSync2 } from "node:fs";
var DUMP_WAIT_MS = 2e3;
var MIN_BOOTING_MS = 1500;
var REPLACEMENT_WAIT_MS = 2e3;
var LOOPBACK_BIND = /^(https?:\/\/)?(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:|$)/;
async function requestStack(run, running, findings) {
  if (!askable(run, running, findings)) return void 0;
  const { watch } = running;
  let target = aliveWorker(running);
  for (const until = run.now() + REPLACEMENT_WAIT_MS; !target && run.now() < until && !cancelled(run); target = aliveWorker(running)) {
    await watch.sleep(100);
  }
  if (!target) return void 0;
  const waited = target.boot.at + MIN_BOOTING_MS - run.now();
  if (waited > 0) await watch.sleep(Math.min(waited, MIN_BOOTING_MS));
  const afterSeq = watch.buffer.lines().slice(-1)[0]?.seq ?? -1;
  const firstBoot = watch.workerTrouble ? watch.buffer.lines().find((line) => /Booting worker with pid: \d+$/.test(line.text)) : void 0;
  const stuckForMs = run.now() - (firstBoot ?? target.boot).at;
  run.deps.ui.progress(`Worker ${target.pid} never finished booting: asking it for its stack (SIGSEGV, printed by faulthandler)`);
  const via = await sendSegv(run, running.containerId, target.pid);
  if (!via) {
    run.deps.ui.debug(`could not signal worker ${target.pid}; the diagnosis goes without its stack`);
    return void 0;
  }
  await waitForDump(run, running, afterSeq, target.pid);
  return { pid: target.pid, afterSeq, stuckForMs, via };
}
function askable(run, running, findings) {
  const { settings } = run;
  const { watch } = running;
  const faulthandlerOn = settings.faulthandler || settings.env.some(([name, value]) => name === "PYTHONFAULTHANDLER" && value !== "" && value !== "0");
  const workerTimedOutBooting = findings.outcome === "unstable" && findings.healthyAt === void 0 && watch.workerTrouble?.what === "worker timeout";
  if (!faulthandlerOn || cancelled(run) || watch.exited || findings.outcome !== "boot-timeout" && !workerTimedOutBooting) return false;
  const listening = watch.tracker.events.filter((e) => e.kind === "listening").flatMap((e) => e.addresses);
  return !(listening.length > 0 && listening.every((address) => LOOPBACK_BIND.test(address)));
}
function aliveWorker(running) {
  const { watch } = running;
  const state = watch.tracker.state();
  const timedOut = watch.tracker.events.filter((e) => e.kind === "worker-timeout").map((e) => e.pid);
  const dead = /* @__PURE__ */ new Set([...state.deaths.map((death) => death.pid), ...state.deadPids, ...timedOut]);
  const pid = [...state.bootedPids].reverse().find((p) => !dead.has(p) && !state.failedBootPids.includes(p));
  const boot = pid === void 0 ? void 0 : watch.buffer.lines().find((line) => line.text.endsWith(`Booting worker with pid: ${pid}`));
  return pid !== void 0 && boot ? { pid, boot } : void 0;
}
async function sendSegv(run, containerId, pid) {
  const { docker } = run.deps;
  for (const attempt of stackRequestArgs(containerId, pid)) {
    const result = await docker.runToCompletion(attempt.args).catch(() => void 0);
    if (result?.exitCode === 0) return attempt.via;
    run.deps.ui.debug(`${attempt.via} failed: ${result?.stderr.trim().split("\n")[0] ?? "no answer"}`);
  }
  const top = await docker.runToCompletion(hostPidsArgs(containerId)).catch(() => void 0);
  const hostPid = top?.exitCode === 0 ? hostPidOf(top.stdout, pid) : void 0;
  if (hostPid === void 0) return void 0;
  try {
    process.kill(hostPid, "SIGSEGV");
    return "host kill";
  } catch (error) {
    run.deps.ui.debug(`host kill of ${hostPid} failed: ${error.code ?? String(error)}`);
    return void 0;
  }
}
function hostPidOf(topOutput, pid, readStatus = (hostPid) => readFileSync2(`/proc/${hostPid}/status`, "utf8")) {
  for (const hostPid of topOutput.split("\n").map((line) => Number(line.trim())).filter((n) => Number.isInteger(n) && n > 0)) {
    let status;
    try {
      status = readStatus(hostPid);
    } catch {
      continue;
    }
    const nspids = /^NSpid:\s+(.+)$/m.exec(status)?.[1].trim().split(/\s+/).map(Number);
    if (nspids && nspids[nspids.length - 1] === pid) return hostPid;
  }
  return void 0;
}
async function waitForDump(run, running, afterSeq, pid) {
  const { watch } = running;
  const until = run.now() + DUMP_WAIT_MS;
  const ended = (line) => line.seq > afterSeq && (line.text.startsWith("Extension modules:") || line.text.includes(`(pid:${pid})`) || line.text.includes(`Worker with pid ${pid} `));
  while (run.now() < until && !cancelled(run)) {
    if (watch.buffer.lines().some(ended)) return;
    await watch.sleep(Math.min(100, until - run.now()));
  }
}

// src/discovery.ts
var import_yaml = __toESM(require_dist(), 1);
import fs8 from "node:fs";
import path12 from "node:path";
var DISCOVERABLE = ["context", "dockerfile", "health-path", "command", "port"];
function discover(workspace, read) {
  const found = {};
  const sources = {};
  const notes = [];
  let hostFilledEnv = [];
  const envLines = [];
  const blueprint = readRenderBlueprint(workspace, read("service").trim());
  if (blueprint) {
    const { service, file } = blueprint;
    const rootDir = typeof service.rootDir === "string" ? service.rootDir : ".";
    const context = typeof service.dockerContext === "string" ? path12.posix.join(rootDir, service.dockerContext) : rootDir;
    found.context = path12.posix.normalize(context);
    if (typeof service.dockerfilePath === "string") {
      const dockerfile = path12.posix.normalize(path12.posix.join(rootDir, service.dockerfilePath));
      found.dockerfile = path12.posix.relative(found.context, dockerfile) || "Dockerfile";
    }
    if (typeof service.healthCheckPath === "string") found["health-path"] = service.healthCheckPath;
    if (typeof service.dockerCommand === "string" && service.dockerCommand.trim()) {
      found.command = shellCommand(service.dockerCommand);
    }
    const { plain: plain2, hostFilled } = renderEnv(service.envVars, file);
    hostFilledEnv = hostFilled;
    for (const [key, value] of plain2) {
      if (key === "PORT" && /^\d+$/.test(value)) found.port = value;
      else envLines.push(`${key}=${value}`);
    }
    notes.push(`${file}: testing the web service '${String(service.name)}'.`);
    for (const name of DISCOVERABLE) if (found[name] !== void 0) sources[name] = "render.yaml";
    if (envLines.length > 0) sources.env = "render.yaml";
  }
  const contextForProcfile = read("context").trim() || found.context || ".";
  const procfile = readProcfile(path12.resolve(workspace, contextForProcfile)) ?? readProcfile(workspace);
  if (procfile)
    notes.push(`${repoRelative(workspace, procfile.file)}: web command \`${procfile.command}\` (used when the image has no start command).`);
  const explicitCommand = read("command").trim();
  const procfileForced = explicitCommand === "procfile";
  if (procfileForced && !procfile) {
    throw new InputError(`The input 'command' is 'procfile', but no Procfile with a 'web:' line was found in the context or at the repository root.`);
  }
  const wrapped = (name) => {
    const explicit = read(name);
    if (name === "command" && procfileForced) {
      sources.command = "Procfile";
      return shellCommand(procfile.command);
    }
    if (name === "env") {
      if (explicit.trim()) sources.env = "input";
      return [...envLines, explicit].filter((text) => text.trim()).join("\n");
    }
    if (explicit.trim()) {
      sources[name] = "input";
      return explicit;
    }
    return found[name] ?? "";
  };
  for (const name of DISCOVERABLE) if (read(name).trim()) sources[name] = "input";
  if (procfileForced) sources.command = "Procfile";
  return { read: wrapped, sources, hostFilledEnv, procfile: procfileForced ? void 0 : procfile, notes };
}
function shellCommand(command) {
  return `sh -c '${command.replace(/'/g, `'\\''`)}'`;
}
function readRenderBlueprint(workspace, serviceName) {
  const file = "render.yaml";
  const full = path12.join(workspace, file);
  if (!fs8.existsSync(full)) {
    if (serviceName) throw new InputError(`The input 'service' is '${serviceName}', but there is no render.yaml at the repository root.`);
    return void 0;
  }
  const document = (0, import_yaml.parseDocument)(fs8.readFileSync(full, "utf8"));
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const line = error.linePos?.[0]?.line;
    const message = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    throw new InputError(`${file}${line ? ` line ${line}` : ""} is not valid YAML: ${message}.`);
  }
  const root = document.toJS();
  const services = Array.isArray(root?.services) ? root.services : [];
  const dockerWeb = services.filter((s) => s && s.type === "web" && (s.runtime === "docker" || s.env === "docker"));
  if (serviceName) {
    const chosen = dockerWeb.find((s) => s.name === serviceName);
    if (!chosen) {
      const names = dockerWeb.map((s) => `'${String(s.name)}'`).join(", ") || "none";
      throw new InputError(`The input 'service' names '${serviceName}', which is not a Docker web service in ${file} (found: ${names}).`);
    }
    return { service: chosen, file };
  }
  if (dockerWeb.length === 0) return void 0;
  if (dockerWeb.length > 1) {
    throw new InputError(
      `${file} has ${dockerWeb.length} Docker web services (${dockerWeb.map((s) => `'${String(s.name)}'`).join(", ")}): choose one with the input 'service'.`
    );
  }
  return { service: dockerWeb[0], file };
}
function renderEnv(envVars, file) {
  const plain2 = [];
  const hostFilled = [];
  if (!Array.isArray(envVars)) return { plain: plain2, hostFilled };
  for (const entry of envVars) {
    if (!entry || typeof entry.key !== "string") continue;
    if (entry.value !== void 0 && entry.value !== null && typeof entry.value !== "object") {
      plain2.push([entry.key, String(entry.value)]);
    } else if (entry.sync === false || entry.fromDatabase || entry.fromService || entry.generateValue) {
      hostFilled.push(entry.key);
    } else if (entry.value === void 0) {
      throw new InputError(`${file}: the environment variable '${entry.key}' has neither a value nor a source.`);
    }
  }
  return { plain: plain2, hostFilled };
}
function readProcfile(dir) {
  const file = path12.join(dir, "Procfile");
  let text;
  try {
    text = fs8.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
  const line = text.split(/\r?\n/).find((l) => /^web\s*:/.test(l));
  const command = line?.replace(/^web\s*:\s*/, "").trim();
  return command ? { file, command } : void 0;
}
function imageHasStartCommand(cmd, entrypoint) {
  if (entrypoint && entrypoint.length > 0) return true;
  if (!cmd || cmd.length === 0) return false;
  return !(cmd.length === 1 && /^(\/usr\/(local\/)?bin\/)?python3?(\.\d+)?$/.test(cmd[0]));
}
function describeSources(settings, sources) {
  const rel2 = (file) => repoRelative(settings.workspace, file);
  const rows = [
    ["context", settings.image ? "(prebuilt image)" : rel2(settings.context)],
    ["dockerfile", settings.dockerfile ? rel2(settings.dockerfile) : "(prebuilt image)"],
    ["health-path", settings.healthPath],
    ["port", String(settings.port)],
    ["command", settings.command ? settings.command.join(" ") : settings.procfile ? "(image, else Procfile)" : "(image)"],
    ["env", settings.env.length > 0 ? settings.env.map(([name]) => name).join(", ") : "(none)"]
  ];
  return ["Settings:", ...rows.map(([name, value]) => `  ${name}: ${value} [${sources[name] ?? "default"}]`)].join("\n");
}

// src/smoke/start.ts
function chooseStartCommand(run, imageInfo) {
  const { settings } = run;
  if (settings.command) return;
  const procfile = settings.procfile;
  if (procfile && !imageHasStartCommand(imageInfo?.cmd, imageInfo?.entrypoint)) {
    run.settings = { ...settings, command: ["sh", "-c", procfile.command] };
    run.settingSources.command = "Procfile";
    run.deps.ui.info(`The image has no start command of its own: running the Procfile's web command \`${procfile.command}\`.`);
  } else {
    run.settingSources.command = "Dockerfile";
  }
}
async function startContainer(run, image) {
  const { settings, deps } = run;
  deps.ui.progress("Starting Gunicorn");
  const startedAt = run.now();
  let containerId;
  try {
    containerId = await deps.docker.run(runArgs(settings, deps.identity, image), runEnvironment(settings));
  } catch (error) {
    await deps.docker.removeContainers([deps.identity.containerName]).catch(() => void 0);
    if (!(error instanceof DockerError)) throw error;
    const { diagnosis } = explain("start", { message: error.message, network: settings.network });
    run.checks.set({ id: "start", status: "fail", detail: "the container did not start" });
    return { failed: { result: "fail", reason: diagnosis.reason, summary: diagnosis.summary, diagnosis, image } };
  }
  const hostPort = await deps.docker.hostPort(containerId, settings.port).catch(async (error) => {
    if ((await deps.docker.containerState(containerId))?.running === false) return void 0;
    await deps.docker.removeContainers([containerId]).catch(() => void 0);
    throw error;
  });
  deps.ui.debug(
    hostPort === void 0 ? `container ${containerId.slice(0, 12)} stopped before its port could be looked up` : `container ${containerId.slice(0, 12)} publishes ${settings.port} on ${PROBE_HOST}:${hostPort}`
  );
  return { containerId, hostPort, startedAt };
}
function startCheck(facts, lines, containerStartedAt) {
  const started = facts.version !== void 0;
  const startLine = lines.find((line) => /Starting gunicorn/.test(line.text));
  return {
    id: "start",
    status: started ? "pass" : "fail",
    detail: started ? describeServer(facts) : "Gunicorn did not start",
    durationMs: startLine !== void 0 ? startLine.at - containerStartedAt : void 0
  };
}
function describeServer(facts) {
  return [facts.version, facts.workerClass ? `\`${facts.workerClass}\`` : void 0, facts.binds.length ? `\`${facts.binds.join(", ")}\`` : void 0].filter(Boolean).join(", ");
}

// src/smoke/teardown.ts
async function tearDown(run, running, findings, workerCount, logsDone) {
  const { docker, identity } = run.deps;
  const healthy = findings.outcome === "healthy" && !cancelled(run);
  const state = healthy ? void 0 : await docker.containerState(running.containerId);
  const oomEvents = findings.outcome !== "healthy" && run.settings.memory ? await docker.oomEvents(running.containerId, running.containerStartedAt).catch(() => void 0) : void 0;
  const exitedOnItsOwn = running.watch.exited;
  const workersExpected = await workerCount.within(healthy ? 300 : 0);
  const configContainer = `${identity.containerName}-config`;
  await docker.removeContainers([running.containerId, configContainer]);
  if (workerCount.running) {
    await workerCount.within(1e4);
    await docker.removeContainers([configContainer]);
  }
  await Promise.race([logsDone, delay(3e3)]);
  return { state, oomEvents, exitedOnItsOwn, workersExpected };
}
function delay(ms) {
  return new Promise((resolve2) => setTimeout(resolve2, ms).unref());
}

// src/diagnosis/advisories.ts
var import_semver = __toESM(require_semver2(), 1);
var ADVISORIES = [
  {
    affected: "<22.0.0",
    note: "affected by request smuggling through conflicting Transfer-Encoding headers (CVE-2024-1135), fixed in 22.0.0"
  },
  {
    affected: "<23.0.0",
    note: "affected by TE.CL request smuggling (CVE-2024-6827), fixed in 23.0.0"
  },
  {
    affected: ">=24.0.0 <24.1.0",
    note: "the master hangs instead of exiting when a worker fails to boot, fixed in 24.1.0"
  }
];
function advisoriesFor(version) {
  if (!version) return [];
  const parsed = import_semver.default.coerce(version);
  if (!parsed) return [];
  return ADVISORIES.filter((advisory) => import_semver.default.satisfies(parsed, advisory.affected)).map((advisory) => `Gunicorn ${version}: ${advisory.note}.`);
}

// src/gunicorn/paste-order.ts
var HEADER = /^\s*\[?Traceback \(most recent call last\):\s*$/;
var FRAME3 = /^\s*File "/;
var EXCEPTION = /^[A-Za-z_][\w.]*(Error|Exception): /;
var SHUTTING_DOWN = /\] Shutting down: /;
var REASON = /\] Reason: /;
function readingOrder(lines) {
  const reversed = looksReversed(lines);
  const ordered = reversed ? [...lines].reverse() : [...lines];
  const unwrapped = unwrapFixedWidth(ordered);
  if (!reversed && unwrapped.length === lines.length) return void 0;
  return unwrapped.map((line, index) => ({ ...line, seq: index }));
}
function looksReversed(lines) {
  const texts = lines.map((line) => stripLinePrefixes(line.text)).filter((text) => text.trim() !== "");
  let score = 0;
  let lastTime;
  for (let i = 0; i < texts.length; i++) {
    const [a, b] = [texts[i], texts[i + 1] ?? ""];
    if (REASON.test(a) && SHUTTING_DOWN.test(b)) score++;
    if (SHUTTING_DOWN.test(a) && REASON.test(b)) score--;
    if (EXCEPTION.test(a) && FRAME3.test(b)) score++;
    if (HEADER.test(a) && FRAME3.test(b)) score--;
    if (FRAME3.test(a) && HEADER.test(b)) score++;
    const time = PREFIX.exec(a);
    const stamp = time ? time[1] ?? time[2] : void 0;
    if (stamp && lastTime && stamp !== lastTime) score += stamp < lastTime ? 1 : -1;
    if (stamp) lastTime = stamp;
  }
  return score >= 2;
}
function unwrapFixedWidth(lines) {
  const width = Math.max(0, ...lines.map((line) => line.text.length));
  const continues = (index) => {
    const next = lines[index + 1];
    return lines[index].text.length === width && next !== void 0 && next.text !== "" && stripLinePrefixes(next.text) === next.text;
  };
  const wrapped = lines.filter((_line, index) => continues(index)).length;
  if (width < 40 || wrapped < 3 || !lines.some((line) => stripLinePrefixes(line.text) !== line.text)) return lines;
  const joined = [];
  for (let i = 0; i < lines.length; i++) {
    if (continues(i)) {
      joined.push({ ...lines[i], text: lines[i].text + lines[i + 1].text });
      i++;
    } else {
      joined.push(lines[i]);
    }
  }
  return joined;
}

// src/diagnosis/index.ts
var MAX_ANNOTATIONS = 10;
function diagnose(ctx) {
  return explain("boot", new RuleContext(inReadingOrder(ctx))).diagnosis;
}
function annotationsFor(diagnosis, ctx) {
  const title = `Gunicorn smoke: ${reasonById(diagnosis.reason).title}`;
  const message = `${diagnosis.summary}
${diagnosis.remedy}`;
  const annotations = [];
  const seen = /* @__PURE__ */ new Set();
  if (diagnosis.location) {
    annotations.push({ level: "error", title, message, file: diagnosis.location.file, line: diagnosis.location.line });
    seen.add(`${diagnosis.location.file}:${diagnosis.location.line}`);
  }
  const rc = new RuleContext(ctx);
  for (const tb of rc.tracebacks) {
    if (annotations.length >= MAX_ANNOTATIONS) break;
    const frame = rc.userFrame(tb);
    if (!frame?.location) continue;
    const key = `${frame.location.file}:${frame.location.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    annotations.push({
      level: "error",
      title: `Gunicorn smoke: ${tb.exception.type.split(".").pop()}`,
      message: `${tb.exception.line}
Raised while Gunicorn loaded the app.`,
      file: frame.location.file,
      line: frame.location.line
    });
  }
  if (annotations.length === 0) annotations.push({ level: "error", title, message });
  return annotations.slice(0, MAX_ANNOTATIONS);
}
function inReadingOrder(ctx) {
  const lines = readingOrder(ctx.lines);
  if (!lines) return ctx;
  const tracker = new BootTracker();
  for (const line of lines) tracker.push(line);
  tracker.flush();
  return { ...ctx, lines, events: [...tracker.events], state: tracker.state() };
}

// src/effective-config.ts
import fs9 from "node:fs";
import path13 from "node:path";

// src/gunicorn/print-config.ts
var SETTING_LINE = /^([a-z_][a-z0-9_]*)\s+= ?(.*)$/;
function parsePrintConfig(stdout) {
  const settings = {};
  let last;
  for (const rawLine of stdout.split("\n")) {
    const line = rawLine.replace(/\r$/, "");
    const m = SETTING_LINE.exec(line);
    if (m) {
      last = m[1];
      settings[last] = m[2].trimEnd();
    } else if (last !== void 0 && line.trim() !== "" && /^\s/.test(line)) {
      settings[last] += `
${line}`;
    }
  }
  return settings;
}

// src/effective-config.ts
function startCommand(settings, imageInfo) {
  const entrypoint = imageInfo?.entrypoint ?? [];
  const cmd = settings.command ?? imageInfo?.cmd ?? [];
  return [...entrypoint, ...cmd];
}
function gunicornArgv(argv) {
  if (argv.length >= 3 && /(^|\/)(ba|da)?sh$/.test(argv[0]) && argv[1] === "-c") {
    const last = argv[2].split(/&&|;/).pop().trim().replace(/^exec\s+/, "");
    try {
      return gunicornArgv(split(last));
    } catch {
      return void 0;
    }
  }
  const module = argv.findIndex((arg, i) => arg === "-m" && argv[i + 1] === "gunicorn" && /python/.test(argv[0]));
  if (module >= 0) return [argv[0], ...argv.slice(module)];
  const index = argv.findIndex((arg) => /(^|\/)gunicorn$/.test(arg));
  if (index >= 0) return argv.slice(index);
  return void 0;
}
async function effectiveWorkerCount(docker, settings, identity, image, imageInfo) {
  const start = startCommand(settings, imageInfo);
  const argv = gunicornArgv(start);
  if (!argv) return void 0;
  const viaShell = start.length >= 3 && /(^|\/)(ba|da)?sh$/.test(start[0]) && start[1] === "-c";
  const entrypoint = viaShell ? start[0] : argv[0];
  const args = viaShell ? ["-c", `${start[2]} --print-config`] : [...argv.slice(1), "--print-config"];
  const envArgs = ["--env", `PORT=${settings.port}`, ...settings.env.flatMap(([name]) => ["--env", name])];
  const result = await docker.runToCompletion(
    [
      "run",
      "--rm",
      "--name",
      `${identity.containerName}-config`,
      "--label",
      `${RUN_LABEL}=${identity.runKey}`,
      "--network",
      "none",
      ...envArgs,
      "--entrypoint",
      entrypoint,
      image,
      ...args
    ],
    runEnvironment(settings)
  );
  const config = result.exitCode === 0 ? parsePrintConfig(result.stdout) : {};
  const workers = Number(config.workers);
  return Number.isInteger(workers) && workers > 0 ? workers : staticWorkerCount(settings, imageInfo);
}
function staticWorkerCount(settings, imageInfo) {
  const argv = gunicornArgv(startCommand(settings, imageInfo));
  if (!argv) return void 0;
  const env = new Map(settings.env);
  const fromArgs = workersOnCommandLine(argv) ?? workersOnCommandLine(safeSplit(env.get("GUNICORN_CMD_ARGS") ?? ""));
  if (fromArgs !== void 0) return fromArgs;
  const concurrency = positive(env.get("WEB_CONCURRENCY"));
  const fromConfig = workersInConfigFile(settings, argv, imageInfo?.workdir, concurrency);
  return fromConfig ?? concurrency ?? 1;
}
function workersOnCommandLine(argv) {
  for (let i = 0; i < argv.length; i++) {
    const inline = argv[i].match(/^(?:--workers=|-w)(\d+)$/);
    if (inline) return Number(inline[1]);
    if ((argv[i] === "-w" || argv[i] === "--workers") && /^\d+$/.test(argv[i + 1] ?? "")) return Number(argv[i + 1]);
  }
  return void 0;
}
function workersInConfigFile(settings, argv, workdir, concurrency) {
  let configPath = "gunicorn.conf.py";
  argv.forEach((arg, i) => {
    if ((arg === "-c" || arg === "--config") && argv[i + 1]) configPath = argv[i + 1];
    else if (arg.startsWith("--config=")) configPath = arg.slice("--config=".length);
  });
  configPath = configPath.replace(/^python:/, "");
  if (path13.posix.isAbsolute(configPath)) {
    if (!workdir || !configPath.startsWith(`${workdir.replace(/\/$/, "")}/`)) return void 0;
    configPath = configPath.slice(workdir.replace(/\/$/, "").length + 1);
  }
  let text;
  try {
    text = fs9.readFileSync(path13.join(settings.context, configPath), "utf8");
  } catch {
    return void 0;
  }
  const literal = text.match(/^workers\s*=\s*(\d+)\s*(#.*)?$/m);
  if (literal) return Number(literal[1]);
  const idiom = text.match(/^workers\s*=\s*int\(\s*os\.environ\.get\(\s*["']WEB_CONCURRENCY["']\s*,\s*["']?(\d+)["']?\s*\)\s*\)/m);
  if (idiom) return concurrency ?? Number(idiom[1]);
  return void 0;
}
function positive(text) {
  return text && /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : void 0;
}
function safeSplit(text) {
  try {
    return split(text);
  } catch {
    return [];
  }
}

// src/probes/http.ts
var HealthProbe = class {
  constructor(options) {
    this.options = options;
  }
  options;
  attempts = 0;
  lastStatus;
  lastBody;
  lastServer;
  lastError;
  firstHealthyAt;
  consecutiveSameStatus = 0;
  lastKnownWrong = false;
  cancelled = false;
  /** Set once start() has returned. */
  stoppedBy;
  async start() {
    this.stoppedBy = await this.poll();
    return this.result();
  }
  cancel() {
    this.cancelled = true;
  }
  async poll() {
    const { pacing, deadline, startedAt } = this.options;
    const now = this.options.now ?? Date.now;
    while (!this.cancelled) {
      if (await pacing.interrupted()) return "interrupted";
      if ((await this.attempt()).kind === "healthy") return "healthy";
      if (await pacing.interrupted()) return "interrupted";
      if (this.settledOnWrongStatus) return "wrong-status";
      if (now() >= deadline) return "deadline";
      const elapsed = now() - startedAt;
      await pacing.pause(Math.min(elapsed < 15e3 ? 50 : 250, Math.max(0, deadline - now())));
    }
    return "cancelled";
  }
  async attempt() {
    const { host, port, path: path15, matcher } = this.options;
    this.attempts++;
    try {
      const answer = await httpGet({
        host,
        port,
        path: path15,
        userAgent: "gunicorn-smoke",
        timeoutMs: this.options.attemptTimeoutMs ?? 2e3,
        hostHeader: this.options.hostHeader
      });
      this.consecutiveSameStatus = answer.status === this.lastStatus ? this.consecutiveSameStatus + 1 : 1;
      this.lastStatus = answer.status;
      this.lastBody = answer.body;
      this.lastServer = answer.server;
      this.lastError = void 0;
      if (matcher.matches(answer.status)) {
        this.firstHealthyAt ??= (this.options.now ?? Date.now)();
        return { kind: "healthy", answer };
      }
      this.lastKnownWrong = this.options.knownWrong?.(answer, this.consecutiveSameStatus) ?? false;
      return { kind: "unexpected-status", answer };
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      this.lastKnownWrong = false;
      return { kind: "no-answer", error: this.lastError };
    }
  }
  /**
   * A client error that repeats (404 on a missing route, 401 behind auth) will not heal by waiting; 5xx, 408,
   * 425 and 429 may (an app warming up), so those are polled until the timeout.
   */
  get settledOnWrongStatus() {
    const status = this.lastStatus;
    if (status === void 0 || this.lastError || this.options.matcher.matches(status)) return false;
    const permanent = status >= 400 && status < 500 && ![408, 425, 429].includes(status);
    return permanent && this.consecutiveSameStatus >= 3 || this.lastKnownWrong;
  }
  result() {
    const ok = this.firstHealthyAt !== void 0 && this.lastStatus !== void 0 && this.options.matcher.matches(this.lastStatus) && !this.lastError;
    return {
      ok,
      status: this.lastStatus,
      bodyExcerpt: this.lastBody === void 0 ? void 0 : bodyExcerpt(this.lastBody),
      server: this.lastServer,
      error: this.lastError,
      attempts: this.attempts,
      firstHealthyAt: this.firstHealthyAt
    };
  }
};
function bodyExcerpt(body) {
  return excerpt(body, 201);
}

// src/smoke/wrong-answer.ts
var SAME_IN_A_ROW = 2;
var HOOKS = REASONS.flatMap((reason) => reason.wrongAnswer ? [reason.wrongAnswer] : []);
function knownWrongAnswer(answer, sameInARow, events2) {
  return sameInARow >= SAME_IN_A_ROW && HOOKS.some((hook) => hook.recognises(answer, events2));
}

// src/smoke/wait-healthy.ts
var LOG_CATCH_UP_MS = 3e3;
async function waitHealthy(run, running) {
  const { settings, now } = run;
  const { watch } = running;
  let decision;
  const probe = new HealthProbe({
    host: PROBE_HOST,
    port: running.hostPort ?? 0,
    path: settings.healthPath,
    matcher: settings.healthStatus,
    now,
    startedAt: running.containerStartedAt,
    hostHeader: settings.hostHeader,
    knownWrong: (answer, sameInARow) => knownWrongAnswer(answer, sameInARow, watch.tracker.events),
    deadline: running.deadline,
    pacing: {
      pause: (ms) => watch.sleep(ms),
      interrupted: async () => cancelled(run) || (decision = await watch.decided()) !== void 0
    }
  });
  if (running.hostPort === void 0) {
    decision = await watch.decisionBy(running.deadline);
    return { findings: { outcome: decision ?? "container-exited", healthyAt: void 0 }, probe };
  }
  run.deps.ui.progress(`Waiting for ${settings.healthPath} on port ${settings.port} (timeout ${settings.timeoutSec} s)`);
  await probe.start();
  const signedByGunicorn = /gunicorn/i.test(probe.result().server ?? "");
  if (probe.stoppedBy === "healthy" && !signedByGunicorn && await watch.answeredByAnotherProcess(LOG_CATCH_UP_MS)) {
    decision = await watch.decisionWhileBindFails(running.deadline);
    if (decision || watch.tracker.state().bindInUse) return { findings: { outcome: decision ?? "boot-timeout", healthyAt: void 0 }, probe };
  }
  const health = probe.result();
  const stops = {
    healthy: "healthy",
    "wrong-status": "health-failed",
    // A server that answered, with the wrong status, at the deadline failed its health check; silence is a boot timeout.
    deadline: health.status !== void 0 && !health.error ? "health-failed" : "boot-timeout",
    interrupted: decision ?? "boot-timeout",
    cancelled: "boot-timeout"
  };
  const outcome = stops[probe.stoppedBy];
  return { findings: { outcome, healthyAt: outcome === "healthy" ? now() : void 0 }, probe };
}
function healthCheck(health, findings, containerStartedAt) {
  const { healthyAt, outcome } = findings;
  return {
    id: "health",
    status: healthyAt !== void 0 ? "pass" : outcome === "health-failed" || outcome === "boot-timeout" ? "fail" : "not-reached",
    detail: healthDetail(health),
    durationMs: healthyAt !== void 0 ? healthyAt - containerStartedAt : void 0
  };
}
function healthDetail(health) {
  if (health.status !== void 0 && !health.error) {
    return health.bodyExcerpt ? `${health.status} \`${excerpt(health.bodyExcerpt, 61)}\`` : `${health.status}`;
  }
  return health.error ?? "";
}

// src/smoke/verdict.ts
function verdict(run, running, findings, health, evidence) {
  const { settings } = run;
  const { watch } = running;
  watch.tracker.flush();
  const lines = watch.buffer.lines();
  const facts = gunicornFacts(running, evidence.workersExpected, settings);
  const { outcome, healthyAt, websocket } = findings;
  const workersText = `${facts.workersBooted}/${facts.workersExpected ?? "?"}`;
  const rows = [startCheck(facts, lines, running.containerStartedAt), workersCheck(facts, findings, lines, running.containerStartedAt)];
  rows.push(healthCheck(health, findings, running.containerStartedAt));
  if (settings.websocketPath) rows.push(websocketCheck(websocket));
  if (settings.stabilityWindowSec > 0) rows.push(stabilityCheck(run, running, findings));
  if (settings.loadRequests > 0) rows.push(loadCheck(findings, watch.workerTrouble?.what));
  rows.forEach((row) => run.checks.set(row));
  const bootTimeMs = healthyAt !== void 0 ? healthyAt - running.containerStartedAt : void 0;
  const exitCode = evidence.state?.exitCode ?? evidence.exitedOnItsOwn?.code;
  const websocketState = websocket ? websocket.ok ? "ok" : "failed" : settings.websocketPath ? "failed" : "skipped";
  const common = {
    gunicorn: facts,
    health,
    websocket: websocketState,
    websocketOutcome: websocket,
    bootTimeMs,
    image: running.image,
    dockerfile: settings.dockerfile ? repoRelative(settings.workspace, settings.dockerfile) : void 0,
    containerExitCode: exitCode,
    advisories: advisoriesFor(facts.version),
    log: lines,
    logTotalLines: watch.buffer.totalLines
  };
  if (outcome === "healthy") {
    const parts = [`healthy in ${formatSeconds(bootTimeMs)}`, `${workersText} workers`];
    if (websocket?.ok) parts.push("WebSocket OK");
    const fit = fitNotes(findings.profile);
    return reportOf(run, {
      ...common,
      result: "pass",
      summary: `Gunicorn answered ${settings.healthPath} ${parts.join(", ")}.`,
      profile: findings.profile,
      warnings: [...run.warnings, ...fit.warnings],
      annotations: fit.annotations
    });
  }
  const context = diagnosisContext(run, running, findings, health, evidence);
  const diagnosis = diagnose(context);
  const annotations = annotationsFor(diagnosis, context);
  return reportOf(run, { ...common, result: "fail", reason: diagnosis.reason, summary: diagnosis.summary, diagnosis, annotations });
}
function diagnosisContext(run, running, findings, health, evidence) {
  const { settings } = run;
  const { watch } = running;
  const { outcome, websocket } = findings;
  const state = evidence.state;
  return {
    outcome: outcome === "health-failed" && websocket && !websocket.ok ? "websocket-failed" : outcome === "healthy" ? "boot-timeout" : outcome,
    lines: watch.buffer.lines(),
    // The tracker saw every line (the buffer only keeps head and tail), so its events are the complete record.
    events: [...watch.tracker.events],
    state: watch.tracker.state(),
    container: {
      exitCode: state?.exitCode ?? evidence.exitedOnItsOwn?.code,
      oomKilled: state?.oomKilled ?? false,
      memoryLimit: settings.memory,
      running: state?.running ?? false,
      oomEvents: evidence.oomEvents
    },
    health,
    websocket,
    settings: {
      port: settings.port,
      timeoutSec: settings.timeoutSec,
      healthPath: settings.healthPath,
      healthStatus: settings.healthStatus.text,
      hostHeader: settings.hostHeader
    },
    stackRequest: findings.stackRequest,
    paths: diagnosisPaths(settings, running.imageInfo),
    env: { provided: settings.env.map(([name]) => name), hostFilled: run.deps.hostFilledEnv }
  };
}
function diagnosisPaths(settings, imageInfo) {
  return { repoRoot: settings.workspace, contextDir: settings.context, dockerfile: settings.dockerfile, workdir: imageInfo?.workdir };
}
function gunicornFacts(running, printedWorkers, settings) {
  const { tracker } = running.watch;
  const bootState = tracker.state();
  const trackerFacts = tracker.facts();
  const expected = printedWorkers ?? staticWorkerCount(settings, running.imageInfo) ?? trackerFacts.workersExpected;
  const bootedOk = bootState.bootedPids.filter((pid) => !bootState.failedBootPids.includes(pid)).length;
  return { ...trackerFacts, workersExpected: expected, workersBooted: expected !== void 0 ? Math.min(bootedOk, expected) : bootedOk };
}
function workersCheck(facts, findings, lines, since) {
  const { outcome, healthyAt } = findings;
  const started = facts.version !== void 0;
  const failed2 = outcome === "gave-up" || facts.workersBooted === 0 || outcome === "unstable" && healthyAt === void 0;
  const workersText = `${facts.workersBooted}/${facts.workersExpected ?? "?"}`;
  const boots = lines.filter((line) => line.text.includes("Booting worker with pid"));
  const count = facts.workersBooted;
  return {
    id: "workers",
    status: !started ? "not-reached" : failed2 ? "fail" : "pass",
    detail: facts.workersDied > 0 ? `${workersText}, ${facts.workersDied} exited` : workersText,
    durationMs: count > 0 && boots.length >= count ? boots[count - 1].at - since : void 0
  };
}

// src/smoke/worker-count.ts
var WorkerCount = class {
  running = false;
  count = Promise.resolve(void 0);
  start(run, running) {
    this.running = true;
    this.count = effectiveWorkerCount(run.deps.docker, run.settings, run.deps.identity, running.image, running.imageInfo).catch(() => void 0).finally(() => this.running = false);
  }
  /** The count if it arrives within `ms`. */
  within(ms) {
    return Promise.race([this.count, new Promise((resolve2) => setTimeout(() => resolve2(void 0), ms).unref())]);
  }
};

// src/smoke/run-smoke.ts
async function runSmoke(settings, deps) {
  const now = deps.now ?? Date.now;
  const run = {
    settings,
    deps,
    now,
    startedAt: now(),
    checks: new Checks(),
    warnings: hostEnvWarnings(settings, deps.hostFilledEnv),
    settingSources: { ...deps.settingSources }
  };
  const [, prebuiltInfo] = await Promise.all([deps.docker.serverVersion(), settings.image ? deps.docker.imageInfo(settings.image) : void 0]);
  const built = await buildImage(run);
  if ("failed" in built) return reportOf(run, built.failed);
  const imageInfo = prebuiltInfo ?? await deps.docker.imageInfo(built.image);
  chooseStartCommand(run, imageInfo);
  const started = await startContainer(run, built.image);
  if ("failed" in started) return reportOf(run, started.failed);
  const watch = new LogWatch(now, deps.signal);
  const running = {
    image: built.image,
    imageInfo,
    containerId: started.containerId,
    hostPort: started.hostPort,
    containerStartedAt: started.startedAt,
    deadline: started.startedAt + run.settings.timeoutSec * 1e3,
    watch
  };
  const logsDone = watch.follow(deps.docker, started.containerId);
  const { findings, probe } = await waitHealthy(run, running);
  if (findings.outcome !== "healthy" && !cancelled(run)) findings.stackRequest = await requestStack(run, running, findings);
  const workerCount = new WorkerCount();
  if (findings.outcome === "healthy" && !cancelled(run)) await afterHealthy(run, running, findings, workerCount, probe.result().status);
  watch.dispose();
  const wasCancelled = cancelled(run);
  const evidence = await tearDown(run, running, findings, workerCount, logsDone);
  if (wasCancelled) throw new CancelledError();
  return compareWithBaseCommit(run, verdict(run, running, findings, probe.result(), evidence), runSmoke);
}

// src/report/redact.ts
var REDACTED = "***";
var MIN_SECRET_LENGTH = 3;
var TOKEN_SHAPES = new RegExp(
  [
    String.raw`\bgh[pousr]_[A-Za-z0-9]{20,}`,
    String.raw`\bgithub_pat_[A-Za-z0-9_]{20,}`,
    String.raw`\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b`,
    String.raw`\bxox[abposr]-[A-Za-z0-9-]{10,}`,
    String.raw`\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}`,
    String.raw`\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`
  ].join("|"),
  "g"
);
var URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/?#@'"]*:)([^\s/?#'"]+)@/gi;
var AUTH_HEADER = /(\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:(bearer|token|basic|digest|negotiate)\s+)?([^\s"',;]+)/gi;
var BEARER = /\b(bearer)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi;
var SENSITIVE_NAME = String.raw`[A-Za-z0-9_.-]*?(?:secret|token|passwd|password|passphrase|api[_-]?key|[_-]key|credentials?)`;
var SENSITIVE_ASSIGNMENT = new RegExp(
  String.raw`(?<![A-Za-z0-9_/])(["']?)(${SENSITIVE_NAME})\1(\s*[:=]\s*)` + String.raw`(?:([rbuf]{0,2})(["'])(?:(?!\5)[^\\]|\\.)*\5|(?=([^\s"',;&}\]()\[]+))\6(?![(\[]))`,
  "gi"
);
var MAY_HOLD_CREDENTIAL = /secret|token|passw|passphrase|key|credential|authorization|bearer/i;
var KEY_BEGIN = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----/;
var KEY_BLOCK = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK)?-----[\s\S]*?(?:-----END \1PRIVATE KEY\2-----|$)/g;
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var Redactor = class _Redactor {
  /** Every registered secret, whatever its length: used to mask env-derived values wholesale. */
  secrets = /* @__PURE__ */ new Set();
  /** The compiled alternation of secret values; null when none is long enough to search for. */
  valuePattern;
  constructor(secrets = []) {
    for (const secret of secrets) this.add(secret);
  }
  /** A Redactor for the action's inputs: every `env` value (all treated as secret) and the token. */
  static forInputs(options) {
    return new _Redactor([...Object.values(options.env ?? {}), options.token, ...options.extra ?? []]);
  }
  add(secret) {
    if (secret === void 0 || secret === null || secret === "") return;
    this.secrets.add(secret);
    this.valuePattern = void 0;
  }
  /** How many distinct secret values are registered. */
  get size() {
    return this.secrets.size;
  }
  /** True for a registered secret value of any length. */
  isSecret(value) {
    return this.secrets.has(value);
  }
  /** For places that show an env-derived value: a registered secret is masked whole, even a 1-character one. */
  maskValue(value) {
    return this.isSecret(value) ? REDACTED : this.redact(value);
  }
  redact(text) {
    if (text === "") return text;
    let out = text;
    const values = this.pattern();
    if (values) out = out.replace(values, REDACTED);
    if (out.includes("PRIVATE KEY"))
      out = out.replace(KEY_BLOCK, (_m, kind, block = "") => {
        return `-----BEGIN ${kind}PRIVATE KEY${block}----- ${REDACTED} -----END ${kind}PRIVATE KEY${block}-----`;
      });
    out = out.replace(TOKEN_SHAPES, REDACTED);
    if (out.includes("://")) out = out.replace(URL_CREDENTIALS, `$1${REDACTED}@`);
    if (!MAY_HOLD_CREDENTIAL.test(out)) return out;
    out = out.replace(AUTH_HEADER, (_m, head, scheme) => scheme ? `${head}${scheme} ${REDACTED}` : `${head}${REDACTED}`);
    out = out.replace(BEARER, `$1 ${REDACTED}`);
    out = out.replace(
      SENSITIVE_ASSIGNMENT,
      (match, quote, name, sep2, prefix, valueQuote) => {
        if (valueQuote) return `${quote}${name}${quote}${sep2}${prefix ?? ""}${valueQuote}${REDACTED}${valueQuote}`;
        const value = match.slice(quote.length * 2 + name.length + sep2.length);
        return value.startsWith(REDACTED) ? match : `${quote}${name}${quote}${sep2}${REDACTED}`;
      }
    );
    return out;
  }
  /**
   * Redacts consecutive log lines, keeping their count: a private key printed over several lines is masked from
   * its BEGIN line to its END line, which a line-by-line pass could not see.
   */
  redactLines(lines) {
    const out = new Array(lines.length);
    let insideKey = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (insideKey) {
        const end = /-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/.exec(line);
        if (end) {
          insideKey = false;
          out[i] = REDACTED + this.redact(line.slice(end.index));
        } else {
          out[i] = REDACTED;
        }
        continue;
      }
      const begin = line.includes("-----BEGIN ") ? KEY_BEGIN.exec(line) : null;
      if (begin && !line.slice(begin.index).includes("-----END ")) {
        insideKey = true;
        out[i] = this.redact(line.slice(0, begin.index)) + begin[0] + REDACTED;
        continue;
      }
      out[i] = this.redact(line);
    }
    return out;
  }
  pattern() {
    if (this.valuePattern !== void 0) return this.valuePattern;
    const variants = /* @__PURE__ */ new Set();
    for (const secret of this.secrets) {
      variants.add(secret);
      for (const line of secret.split(/\r?\n/)) variants.add(line.trim());
      variants.add(JSON.stringify(secret).slice(1, -1));
      variants.add(encodeURIComponent(secret));
    }
    const searchable = [...variants].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
    this.valuePattern = searchable.length === 0 ? null : new RegExp(searchable.map(escapeRegExp).join("|"), "g");
    return this.valuePattern;
  }
};
function redactDeep(value, redactor) {
  if (typeof value === "string") return redactor.redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redactor));
  if (value !== null && typeof value === "object") {
    const copy = {};
    for (const [key, item] of Object.entries(value)) copy[key] = redactDeep(item, redactor);
    return copy;
  }
  return value;
}
function redactLog(log, redactor) {
  const texts = redactor.redactLines(log.map((line) => line.text));
  return log.map((line, i) => ({ ...line, text: texts[i] }));
}
function redactReport(report, redactor) {
  const { log, ...rest } = report;
  return { ...redactDeep(rest, redactor), log: redactLog(log, redactor) };
}

// src/prepare.ts
function prepare(host) {
  const discovery = discover(host.workspace, host.readInput);
  const settings = { ...parseSettings(discovery.read, host.workspace), procfile: discovery.procfile };
  for (const note of discovery.notes) host.log(note);
  host.log(describeSources(settings, discovery.sources));
  const secrets = runSecrets(host.readInput, settings);
  for (const secret of secrets) if (secret.trim()) host.mask?.(secret);
  const redactor = new Redactor(secrets);
  const identity = runIdentity(host.runKey);
  const cancel = new AbortController();
  const onSignal = (signal) => {
    host.onSignal?.(signal);
    cancel.abort();
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const release = () => {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  };
  return { settings, discovery, identity, redactor, signal: cancel.signal, release };
}
function runSecrets(readInput, settings) {
  return [...parseKeyValueLines("env", readInput("env")).map(([, value]) => value), ...settings.githubToken ? [settings.githubToken] : []];
}
async function removeBuiltImage(docker, preparation) {
  if (!preparation.settings.image) await docker.removeImage(preparation.identity.imageTag);
}

// src/cli-report.ts
function terminalStyle(colour) {
  const paint = (code2) => (text) => colour ? `\x1B[${code2}m${text}\x1B[0m` : text;
  return { pass: paint("32"), fail: paint("31"), warn: paint("33"), dim: paint("2"), bold: paint("1") };
}
var ICONS = { pass: "\u2714", fail: "\u2718", skipped: "\u2013", "not-reached": "\xB7" };
function renderTerminalReport(report, style, logLines = 25) {
  const out = [];
  const verdict2 = report.result === "pass" ? style.pass("PASS") : style.fail(`FAIL ${report.reason ?? ""}`.trim());
  out.push("", `${style.bold("gunicorn-smoke")} ${verdict2}  ${report.summary}`, "");
  const labelWidth = Math.max(...report.checks.map((check) => plain(check.label).length));
  for (const check of report.checks) {
    const paint = check.status === "pass" ? style.pass : check.status === "fail" ? style.fail : style.dim;
    const time = check.durationMs !== void 0 ? style.dim(` ${(check.durationMs / 1e3).toFixed(1)} s`) : "";
    out.push(`  ${paint(ICONS[check.status])} ${plain(check.label).padEnd(labelWidth)}  ${plain(check.detail) || style.dim(check.status)}${time}`);
  }
  const diagnosis = report.diagnosis;
  if (diagnosis) {
    out.push("");
    if (diagnosis.location) out.push(`  ${style.bold("Where")}  ${diagnosis.location.file}:${diagnosis.location.line}`);
    out.push(`  ${style.bold("Fix")}    ${plain(diagnosis.remedy)}`);
    if (diagnosis.evidence.length > 0) {
      out.push("", `  ${style.bold("Evidence")}`);
      for (const line of diagnosis.evidence) out.push(`  ${style.dim("\u2502")} ${line}`);
    }
  }
  if (report.profile) out.push("", `  ${style.bold("Profile")} ${plain(comparisonLine(report.profile, report.comparison))}`);
  for (const advisory of report.advisories) out.push("", `  ${style.warn("advisory")} ${advisory}`);
  for (const warning of report.warnings) out.push("", `  ${style.warn("warning")} ${warning}`);
  if (report.result === "fail" && report.log.length > 0) {
    const tail = report.log.slice(-logLines);
    out.push("", `  ${style.bold("Log")} ${style.dim(`(last ${tail.length} of ${report.logTotalLines} lines)`)}`);
    for (const line of tail) out.push(`  ${style.dim("\u2502")} ${line.text}`);
  }
  out.push("");
  return out.join("\n");
}
function plain(text) {
  return text.replace(/`/g, "");
}

// src/cli-run.ts
var REPEATABLE = /* @__PURE__ */ new Set(["env", "build-args", "cache-from", "cache-to"]);
var ACTION_ONLY = /* @__PURE__ */ new Set(["github-token", "comment", "comment-key", "pr-number"]);
var USAGE = [
  "Usage: gunicorn-smoke [dir] [options]",
  "",
  "Builds the backend in [dir] (default: the current directory), boots Gunicorn in Docker, probes it and explains",
  "a failure. Options have the names of the action's inputs, e.g.:",
  "  --health-path /healthz      --timeout 90          --port 8000",
  "  --env KEY=VALUE (repeat)    --build-args K=V (repeat)",
  "  --websocket-path /ws        --websocket-protocol socket.io",
  '  --image NAME                --command "gunicorn -c gunicorn.conf.py app:app"',
  "  --service NAME              which Docker web service of render.yaml to test",
  "  --format terminal|json|markdown   the report's form (markdown: the pull-request comment); --json = --format json",
  "Exit code: 0 pass, 1 fail or error."
].join("\n");
function inputNames() {
  const action = (0, import_yaml2.parse)(fs10.readFileSync(new URL("../action.yml", import.meta.url), "utf8"));
  return Object.keys(action.inputs).filter((name) => !ACTION_ONLY.has(name));
}
async function runCli(argv, out = process.stdout, err = process.stderr) {
  const options = parseOptions(argv, out, err);
  if (typeof options === "number") return options;
  const style = terminalStyle(Boolean(err.isTTY) && !process.env.NO_COLOR);
  const ui = terminalUi(err, style);
  let preparation;
  try {
    preparation = prepare({
      workspace: options.workspace,
      readInput: options.read,
      runKey: `cli-${crypto.randomBytes(4).toString("hex")}`,
      log: ui.info
    });
  } catch (error) {
    err.write(`${style.fail("error")} ${error instanceof Error ? error.message : String(error)}
`);
    return 1;
  }
  const { settings, identity, discovery } = preparation;
  const docker = new Docker();
  try {
    const report = await runSmoke(settings, {
      docker,
      ui,
      identity,
      metadata: {},
      settingSources: discovery.sources,
      hostFilledEnv: discovery.hostFilledEnv,
      signal: preparation.signal
    });
    const safe = redactReport(report, preparation.redactor);
    if (options.format === "json") out.write(`${JSON.stringify(safe, null, 2)}
`);
    else if (options.format === "markdown") out.write(`${renderComment(safe, { key: "cli" })}
`);
    else out.write(renderTerminalReport(safe, terminalStyle(Boolean(out.isTTY) && !process.env.NO_COLOR)));
    return safe.result === "pass" ? 0 : 1;
  } catch (error) {
    const known = error instanceof DockerError || error instanceof CancelledError || error instanceof InputError;
    err.write(`${style.fail("error")} ${known ? error.message : `unexpected: ${String(error)}`}
`);
    return 1;
  } finally {
    await removeBuiltImage(docker, preparation).catch(() => void 0);
    preparation.release();
  }
}
function parseOptions(argv, out, err) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(inputNames().map((name) => [name, { type: "string", multiple: REPEATABLE.has(name) }])),
        json: { type: "boolean" },
        format: { type: "string" },
        help: { type: "boolean", short: "h" }
      }
    });
  } catch (error) {
    err.write(`${error instanceof Error ? error.message : String(error)}

${USAGE}
`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out.write(`${USAGE}
`);
    return 0;
  }
  if (values.format !== void 0 && !["terminal", "json", "markdown"].includes(String(values.format))) {
    err.write(`The option --format must be one of terminal, json, markdown.
`);
    return 1;
  }
  if (positionals.length > 1) {
    err.write(`Expected at most one directory, got ${positionals.length}.

${USAGE}
`);
    return 1;
  }
  const read = (name) => {
    const value = values[name];
    if (Array.isArray(value)) return value.join("\n");
    return typeof value === "string" ? value : "";
  };
  return { workspace: path14.resolve(positionals[0] ?? "."), read, format: values.json ? "json" : String(values.format ?? "terminal") };
}
function terminalUi(err, style) {
  return {
    group: async (_title, body) => body(),
    info: (message) => err.write(`${style.dim(message)}
`),
    warning: (message) => err.write(`${style.warn("warning")} ${message}
`),
    debug: () => void 0,
    // Only the builder's step lines while building; the full output of a failed step is in the diagnosis.
    buildOutput: (line) => {
      if (/^Step \d+\/\d+ : |^#\d+ \[[^\]]*\d+\/\d+\]/.test(line)) err.write(`${style.dim(`  \u2502 ${line}`)}
`);
    },
    progress: (message) => err.write(`${style.bold("\u203A")} ${message}
`)
  };
}

// src/cli.ts
runCli(process.argv.slice(2)).then(
  (code2) => process.exit(code2),
  (error) => {
    process.stderr.write(`gunicorn-smoke failed unexpectedly: ${String(error)}
`);
    process.exit(1);
  }
);
