"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
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

// node_modules/bottleneck/light.js
var require_light = __commonJS({
  "node_modules/bottleneck/light.js"(exports2, module2) {
    (function(global2, factory) {
      typeof exports2 === "object" && typeof module2 !== "undefined" ? module2.exports = factory() : typeof define === "function" && define.amd ? define(factory) : global2.Bottleneck = factory();
    })(exports2, (function() {
      "use strict";
      var commonjsGlobal = typeof globalThis !== "undefined" ? globalThis : typeof window !== "undefined" ? window : typeof global !== "undefined" ? global : typeof self !== "undefined" ? self : {};
      function getCjsExportFromNamespace(n) {
        return n && n["default"] || n;
      }
      var load2 = function(received, defaults, onto = {}) {
        var k, ref, v;
        for (k in defaults) {
          v = defaults[k];
          onto[k] = (ref = received[k]) != null ? ref : v;
        }
        return onto;
      };
      var overwrite = function(received, defaults, onto = {}) {
        var k, v;
        for (k in received) {
          v = received[k];
          if (defaults[k] !== void 0) {
            onto[k] = v;
          }
        }
        return onto;
      };
      var parser2 = {
        load: load2,
        overwrite
      };
      var DLList;
      DLList = class DLList {
        constructor(incr, decr) {
          this.incr = incr;
          this.decr = decr;
          this._first = null;
          this._last = null;
          this.length = 0;
        }
        push(value) {
          var node3;
          this.length++;
          if (typeof this.incr === "function") {
            this.incr();
          }
          node3 = {
            value,
            prev: this._last,
            next: null
          };
          if (this._last != null) {
            this._last.next = node3;
            this._last = node3;
          } else {
            this._first = this._last = node3;
          }
          return void 0;
        }
        shift() {
          var value;
          if (this._first == null) {
            return;
          } else {
            this.length--;
            if (typeof this.decr === "function") {
              this.decr();
            }
          }
          value = this._first.value;
          if ((this._first = this._first.next) != null) {
            this._first.prev = null;
          } else {
            this._last = null;
          }
          return value;
        }
        first() {
          if (this._first != null) {
            return this._first.value;
          }
        }
        getArray() {
          var node3, ref, results;
          node3 = this._first;
          results = [];
          while (node3 != null) {
            results.push((ref = node3, node3 = node3.next, ref.value));
          }
          return results;
        }
        forEachShift(cb) {
          var node3;
          node3 = this.shift();
          while (node3 != null) {
            cb(node3), node3 = this.shift();
          }
          return void 0;
        }
        debug() {
          var node3, ref, ref1, ref2, results;
          node3 = this._first;
          results = [];
          while (node3 != null) {
            results.push((ref = node3, node3 = node3.next, {
              value: ref.value,
              prev: (ref1 = ref.prev) != null ? ref1.value : void 0,
              next: (ref2 = ref.next) != null ? ref2.value : void 0
            }));
          }
          return results;
        }
      };
      var DLList_1 = DLList;
      var Events;
      Events = class Events {
        constructor(instance) {
          this.instance = instance;
          this._events = {};
          if (this.instance.on != null || this.instance.once != null || this.instance.removeAllListeners != null) {
            throw new Error("An Emitter already exists for this object");
          }
          this.instance.on = (name, cb) => {
            return this._addListener(name, "many", cb);
          };
          this.instance.once = (name, cb) => {
            return this._addListener(name, "once", cb);
          };
          this.instance.removeAllListeners = (name = null) => {
            if (name != null) {
              return delete this._events[name];
            } else {
              return this._events = {};
            }
          };
        }
        _addListener(name, status, cb) {
          var base;
          if ((base = this._events)[name] == null) {
            base[name] = [];
          }
          this._events[name].push({ cb, status });
          return this.instance;
        }
        listenerCount(name) {
          if (this._events[name] != null) {
            return this._events[name].length;
          } else {
            return 0;
          }
        }
        async trigger(name, ...args) {
          var e, promises;
          try {
            if (name !== "debug") {
              this.trigger("debug", `Event triggered: ${name}`, args);
            }
            if (this._events[name] == null) {
              return;
            }
            this._events[name] = this._events[name].filter(function(listener) {
              return listener.status !== "none";
            });
            promises = this._events[name].map(async (listener) => {
              var e2, returned;
              if (listener.status === "none") {
                return;
              }
              if (listener.status === "once") {
                listener.status = "none";
              }
              try {
                returned = typeof listener.cb === "function" ? listener.cb(...args) : void 0;
                if (typeof (returned != null ? returned.then : void 0) === "function") {
                  return await returned;
                } else {
                  return returned;
                }
              } catch (error) {
                e2 = error;
                {
                  this.trigger("error", e2);
                }
                return null;
              }
            });
            return (await Promise.all(promises)).find(function(x) {
              return x != null;
            });
          } catch (error) {
            e = error;
            {
              this.trigger("error", e);
            }
            return null;
          }
        }
      };
      var Events_1 = Events;
      var DLList$1, Events$1, Queues;
      DLList$1 = DLList_1;
      Events$1 = Events_1;
      Queues = class Queues {
        constructor(num_priorities) {
          var i;
          this.Events = new Events$1(this);
          this._length = 0;
          this._lists = (function() {
            var j, ref, results;
            results = [];
            for (i = j = 1, ref = num_priorities; 1 <= ref ? j <= ref : j >= ref; i = 1 <= ref ? ++j : --j) {
              results.push(new DLList$1((() => {
                return this.incr();
              }), (() => {
                return this.decr();
              })));
            }
            return results;
          }).call(this);
        }
        incr() {
          if (this._length++ === 0) {
            return this.Events.trigger("leftzero");
          }
        }
        decr() {
          if (--this._length === 0) {
            return this.Events.trigger("zero");
          }
        }
        push(job) {
          return this._lists[job.options.priority].push(job);
        }
        queued(priority) {
          if (priority != null) {
            return this._lists[priority].length;
          } else {
            return this._length;
          }
        }
        shiftAll(fn) {
          return this._lists.forEach(function(list3) {
            return list3.forEachShift(fn);
          });
        }
        getFirst(arr = this._lists) {
          var j, len, list3;
          for (j = 0, len = arr.length; j < len; j++) {
            list3 = arr[j];
            if (list3.length > 0) {
              return list3;
            }
          }
          return [];
        }
        shiftLastFrom(priority) {
          return this.getFirst(this._lists.slice(priority).reverse()).shift();
        }
      };
      var Queues_1 = Queues;
      var BottleneckError;
      BottleneckError = class BottleneckError extends Error {
      };
      var BottleneckError_1 = BottleneckError;
      var BottleneckError$1, DEFAULT_PRIORITY, Job, NUM_PRIORITIES, parser$1;
      NUM_PRIORITIES = 10;
      DEFAULT_PRIORITY = 5;
      parser$1 = parser2;
      BottleneckError$1 = BottleneckError_1;
      Job = class Job {
        constructor(task, args, options, jobDefaults, rejectOnDrop, Events2, _states, Promise2) {
          this.task = task;
          this.args = args;
          this.rejectOnDrop = rejectOnDrop;
          this.Events = Events2;
          this._states = _states;
          this.Promise = Promise2;
          this.options = parser$1.load(options, jobDefaults);
          this.options.priority = this._sanitizePriority(this.options.priority);
          if (this.options.id === jobDefaults.id) {
            this.options.id = `${this.options.id}-${this._randomIndex()}`;
          }
          this.promise = new this.Promise((_resolve, _reject) => {
            this._resolve = _resolve;
            this._reject = _reject;
          });
          this.retryCount = 0;
        }
        _sanitizePriority(priority) {
          var sProperty;
          sProperty = ~~priority !== priority ? DEFAULT_PRIORITY : priority;
          if (sProperty < 0) {
            return 0;
          } else if (sProperty > NUM_PRIORITIES - 1) {
            return NUM_PRIORITIES - 1;
          } else {
            return sProperty;
          }
        }
        _randomIndex() {
          return Math.random().toString(36).slice(2);
        }
        doDrop({ error, message = "This job has been dropped by Bottleneck" } = {}) {
          if (this._states.remove(this.options.id)) {
            if (this.rejectOnDrop) {
              this._reject(error != null ? error : new BottleneckError$1(message));
            }
            this.Events.trigger("dropped", { args: this.args, options: this.options, task: this.task, promise: this.promise });
            return true;
          } else {
            return false;
          }
        }
        _assertStatus(expected) {
          var status;
          status = this._states.jobStatus(this.options.id);
          if (!(status === expected || expected === "DONE" && status === null)) {
            throw new BottleneckError$1(`Invalid job status ${status}, expected ${expected}. Please open an issue at https://github.com/SGrondin/bottleneck/issues`);
          }
        }
        doReceive() {
          this._states.start(this.options.id);
          return this.Events.trigger("received", { args: this.args, options: this.options });
        }
        doQueue(reachedHWM, blocked) {
          this._assertStatus("RECEIVED");
          this._states.next(this.options.id);
          return this.Events.trigger("queued", { args: this.args, options: this.options, reachedHWM, blocked });
        }
        doRun() {
          if (this.retryCount === 0) {
            this._assertStatus("QUEUED");
            this._states.next(this.options.id);
          } else {
            this._assertStatus("EXECUTING");
          }
          return this.Events.trigger("scheduled", { args: this.args, options: this.options });
        }
        async doExecute(chained, clearGlobalState, run2, free) {
          var error, eventInfo, passed;
          if (this.retryCount === 0) {
            this._assertStatus("RUNNING");
            this._states.next(this.options.id);
          } else {
            this._assertStatus("EXECUTING");
          }
          eventInfo = { args: this.args, options: this.options, retryCount: this.retryCount };
          this.Events.trigger("executing", eventInfo);
          try {
            passed = await (chained != null ? chained.schedule(this.options, this.task, ...this.args) : this.task(...this.args));
            if (clearGlobalState()) {
              this.doDone(eventInfo);
              await free(this.options, eventInfo);
              this._assertStatus("DONE");
              return this._resolve(passed);
            }
          } catch (error1) {
            error = error1;
            return this._onFailure(error, eventInfo, clearGlobalState, run2, free);
          }
        }
        doExpire(clearGlobalState, run2, free) {
          var error, eventInfo;
          if (this._states.jobStatus(this.options.id === "RUNNING")) {
            this._states.next(this.options.id);
          }
          this._assertStatus("EXECUTING");
          eventInfo = { args: this.args, options: this.options, retryCount: this.retryCount };
          error = new BottleneckError$1(`This job timed out after ${this.options.expiration} ms.`);
          return this._onFailure(error, eventInfo, clearGlobalState, run2, free);
        }
        async _onFailure(error, eventInfo, clearGlobalState, run2, free) {
          var retry2, retryAfter;
          if (clearGlobalState()) {
            retry2 = await this.Events.trigger("failed", error, eventInfo);
            if (retry2 != null) {
              retryAfter = ~~retry2;
              this.Events.trigger("retry", `Retrying ${this.options.id} after ${retryAfter} ms`, eventInfo);
              this.retryCount++;
              return run2(retryAfter);
            } else {
              this.doDone(eventInfo);
              await free(this.options, eventInfo);
              this._assertStatus("DONE");
              return this._reject(error);
            }
          }
        }
        doDone(eventInfo) {
          this._assertStatus("EXECUTING");
          this._states.next(this.options.id);
          return this.Events.trigger("done", eventInfo);
        }
      };
      var Job_1 = Job;
      var BottleneckError$2, LocalDatastore, parser$2;
      parser$2 = parser2;
      BottleneckError$2 = BottleneckError_1;
      LocalDatastore = class LocalDatastore {
        constructor(instance, storeOptions, storeInstanceOptions) {
          this.instance = instance;
          this.storeOptions = storeOptions;
          this.clientId = this.instance._randomIndex();
          parser$2.load(storeInstanceOptions, storeInstanceOptions, this);
          this._nextRequest = this._lastReservoirRefresh = this._lastReservoirIncrease = Date.now();
          this._running = 0;
          this._done = 0;
          this._unblockTime = 0;
          this.ready = this.Promise.resolve();
          this.clients = {};
          this._startHeartbeat();
        }
        _startHeartbeat() {
          var base;
          if (this.heartbeat == null && (this.storeOptions.reservoirRefreshInterval != null && this.storeOptions.reservoirRefreshAmount != null || this.storeOptions.reservoirIncreaseInterval != null && this.storeOptions.reservoirIncreaseAmount != null)) {
            return typeof (base = this.heartbeat = setInterval(() => {
              var amount, incr, maximum, now, reservoir;
              now = Date.now();
              if (this.storeOptions.reservoirRefreshInterval != null && now >= this._lastReservoirRefresh + this.storeOptions.reservoirRefreshInterval) {
                this._lastReservoirRefresh = now;
                this.storeOptions.reservoir = this.storeOptions.reservoirRefreshAmount;
                this.instance._drainAll(this.computeCapacity());
              }
              if (this.storeOptions.reservoirIncreaseInterval != null && now >= this._lastReservoirIncrease + this.storeOptions.reservoirIncreaseInterval) {
                ({
                  reservoirIncreaseAmount: amount,
                  reservoirIncreaseMaximum: maximum,
                  reservoir
                } = this.storeOptions);
                this._lastReservoirIncrease = now;
                incr = maximum != null ? Math.min(amount, maximum - reservoir) : amount;
                if (incr > 0) {
                  this.storeOptions.reservoir += incr;
                  return this.instance._drainAll(this.computeCapacity());
                }
              }
            }, this.heartbeatInterval)).unref === "function" ? base.unref() : void 0;
          } else {
            return clearInterval(this.heartbeat);
          }
        }
        async __publish__(message) {
          await this.yieldLoop();
          return this.instance.Events.trigger("message", message.toString());
        }
        async __disconnect__(flush) {
          await this.yieldLoop();
          clearInterval(this.heartbeat);
          return this.Promise.resolve();
        }
        yieldLoop(t = 0) {
          return new this.Promise(function(resolve2, reject) {
            return setTimeout(resolve2, t);
          });
        }
        computePenalty() {
          var ref;
          return (ref = this.storeOptions.penalty) != null ? ref : 15 * this.storeOptions.minTime || 5e3;
        }
        async __updateSettings__(options) {
          await this.yieldLoop();
          parser$2.overwrite(options, options, this.storeOptions);
          this._startHeartbeat();
          this.instance._drainAll(this.computeCapacity());
          return true;
        }
        async __running__() {
          await this.yieldLoop();
          return this._running;
        }
        async __queued__() {
          await this.yieldLoop();
          return this.instance.queued();
        }
        async __done__() {
          await this.yieldLoop();
          return this._done;
        }
        async __groupCheck__(time) {
          await this.yieldLoop();
          return this._nextRequest + this.timeout < time;
        }
        computeCapacity() {
          var maxConcurrent, reservoir;
          ({ maxConcurrent, reservoir } = this.storeOptions);
          if (maxConcurrent != null && reservoir != null) {
            return Math.min(maxConcurrent - this._running, reservoir);
          } else if (maxConcurrent != null) {
            return maxConcurrent - this._running;
          } else if (reservoir != null) {
            return reservoir;
          } else {
            return null;
          }
        }
        conditionsCheck(weight) {
          var capacity;
          capacity = this.computeCapacity();
          return capacity == null || weight <= capacity;
        }
        async __incrementReservoir__(incr) {
          var reservoir;
          await this.yieldLoop();
          reservoir = this.storeOptions.reservoir += incr;
          this.instance._drainAll(this.computeCapacity());
          return reservoir;
        }
        async __currentReservoir__() {
          await this.yieldLoop();
          return this.storeOptions.reservoir;
        }
        isBlocked(now) {
          return this._unblockTime >= now;
        }
        check(weight, now) {
          return this.conditionsCheck(weight) && this._nextRequest - now <= 0;
        }
        async __check__(weight) {
          var now;
          await this.yieldLoop();
          now = Date.now();
          return this.check(weight, now);
        }
        async __register__(index2, weight, expiration) {
          var now, wait;
          await this.yieldLoop();
          now = Date.now();
          if (this.conditionsCheck(weight)) {
            this._running += weight;
            if (this.storeOptions.reservoir != null) {
              this.storeOptions.reservoir -= weight;
            }
            wait = Math.max(this._nextRequest - now, 0);
            this._nextRequest = now + wait + this.storeOptions.minTime;
            return {
              success: true,
              wait,
              reservoir: this.storeOptions.reservoir
            };
          } else {
            return {
              success: false
            };
          }
        }
        strategyIsBlock() {
          return this.storeOptions.strategy === 3;
        }
        async __submit__(queueLength, weight) {
          var blocked, now, reachedHWM;
          await this.yieldLoop();
          if (this.storeOptions.maxConcurrent != null && weight > this.storeOptions.maxConcurrent) {
            throw new BottleneckError$2(`Impossible to add a job having a weight of ${weight} to a limiter having a maxConcurrent setting of ${this.storeOptions.maxConcurrent}`);
          }
          now = Date.now();
          reachedHWM = this.storeOptions.highWater != null && queueLength === this.storeOptions.highWater && !this.check(weight, now);
          blocked = this.strategyIsBlock() && (reachedHWM || this.isBlocked(now));
          if (blocked) {
            this._unblockTime = now + this.computePenalty();
            this._nextRequest = this._unblockTime + this.storeOptions.minTime;
            this.instance._dropAllQueued();
          }
          return {
            reachedHWM,
            blocked,
            strategy: this.storeOptions.strategy
          };
        }
        async __free__(index2, weight) {
          await this.yieldLoop();
          this._running -= weight;
          this._done += weight;
          this.instance._drainAll(this.computeCapacity());
          return {
            running: this._running
          };
        }
      };
      var LocalDatastore_1 = LocalDatastore;
      var BottleneckError$3, States;
      BottleneckError$3 = BottleneckError_1;
      States = class States {
        constructor(status1) {
          this.status = status1;
          this._jobs = {};
          this.counts = this.status.map(function() {
            return 0;
          });
        }
        next(id) {
          var current, next;
          current = this._jobs[id];
          next = current + 1;
          if (current != null && next < this.status.length) {
            this.counts[current]--;
            this.counts[next]++;
            return this._jobs[id]++;
          } else if (current != null) {
            this.counts[current]--;
            return delete this._jobs[id];
          }
        }
        start(id) {
          var initial;
          initial = 0;
          this._jobs[id] = initial;
          return this.counts[initial]++;
        }
        remove(id) {
          var current;
          current = this._jobs[id];
          if (current != null) {
            this.counts[current]--;
            delete this._jobs[id];
          }
          return current != null;
        }
        jobStatus(id) {
          var ref;
          return (ref = this.status[this._jobs[id]]) != null ? ref : null;
        }
        statusJobs(status) {
          var k, pos, ref, results, v;
          if (status != null) {
            pos = this.status.indexOf(status);
            if (pos < 0) {
              throw new BottleneckError$3(`status must be one of ${this.status.join(", ")}`);
            }
            ref = this._jobs;
            results = [];
            for (k in ref) {
              v = ref[k];
              if (v === pos) {
                results.push(k);
              }
            }
            return results;
          } else {
            return Object.keys(this._jobs);
          }
        }
        statusCounts() {
          return this.counts.reduce(((acc, v, i) => {
            acc[this.status[i]] = v;
            return acc;
          }), {});
        }
      };
      var States_1 = States;
      var DLList$2, Sync;
      DLList$2 = DLList_1;
      Sync = class Sync {
        constructor(name, Promise2) {
          this.schedule = this.schedule.bind(this);
          this.name = name;
          this.Promise = Promise2;
          this._running = 0;
          this._queue = new DLList$2();
        }
        isEmpty() {
          return this._queue.length === 0;
        }
        async _tryToRun() {
          var args, cb, error, reject, resolve2, returned, task;
          if (this._running < 1 && this._queue.length > 0) {
            this._running++;
            ({ task, args, resolve: resolve2, reject } = this._queue.shift());
            cb = await (async function() {
              try {
                returned = await task(...args);
                return function() {
                  return resolve2(returned);
                };
              } catch (error1) {
                error = error1;
                return function() {
                  return reject(error);
                };
              }
            })();
            this._running--;
            this._tryToRun();
            return cb();
          }
        }
        schedule(task, ...args) {
          var promise, reject, resolve2;
          resolve2 = reject = null;
          promise = new this.Promise(function(_resolve, _reject) {
            resolve2 = _resolve;
            return reject = _reject;
          });
          this._queue.push({ task, args, resolve: resolve2, reject });
          this._tryToRun();
          return promise;
        }
      };
      var Sync_1 = Sync;
      var version = "2.19.5";
      var version$1 = {
        version
      };
      var version$2 = /* @__PURE__ */ Object.freeze({
        version,
        default: version$1
      });
      var require$$2 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$3 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$4 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var Events$2, Group, IORedisConnection$1, RedisConnection$1, Scripts$1, parser$3;
      parser$3 = parser2;
      Events$2 = Events_1;
      RedisConnection$1 = require$$2;
      IORedisConnection$1 = require$$3;
      Scripts$1 = require$$4;
      Group = (function() {
        class Group2 {
          constructor(limiterOptions = {}) {
            this.deleteKey = this.deleteKey.bind(this);
            this.limiterOptions = limiterOptions;
            parser$3.load(this.limiterOptions, this.defaults, this);
            this.Events = new Events$2(this);
            this.instances = {};
            this.Bottleneck = Bottleneck_1;
            this._startAutoCleanup();
            this.sharedConnection = this.connection != null;
            if (this.connection == null) {
              if (this.limiterOptions.datastore === "redis") {
                this.connection = new RedisConnection$1(Object.assign({}, this.limiterOptions, { Events: this.Events }));
              } else if (this.limiterOptions.datastore === "ioredis") {
                this.connection = new IORedisConnection$1(Object.assign({}, this.limiterOptions, { Events: this.Events }));
              }
            }
          }
          key(key = "") {
            var ref;
            return (ref = this.instances[key]) != null ? ref : (() => {
              var limiter;
              limiter = this.instances[key] = new this.Bottleneck(Object.assign(this.limiterOptions, {
                id: `${this.id}-${key}`,
                timeout: this.timeout,
                connection: this.connection
              }));
              this.Events.trigger("created", limiter, key);
              return limiter;
            })();
          }
          async deleteKey(key = "") {
            var deleted, instance;
            instance = this.instances[key];
            if (this.connection) {
              deleted = await this.connection.__runCommand__(["del", ...Scripts$1.allKeys(`${this.id}-${key}`)]);
            }
            if (instance != null) {
              delete this.instances[key];
              await instance.disconnect();
            }
            return instance != null || deleted > 0;
          }
          limiters() {
            var k, ref, results, v;
            ref = this.instances;
            results = [];
            for (k in ref) {
              v = ref[k];
              results.push({
                key: k,
                limiter: v
              });
            }
            return results;
          }
          keys() {
            return Object.keys(this.instances);
          }
          async clusterKeys() {
            var cursor, end, found, i, k, keys, len, next, start;
            if (this.connection == null) {
              return this.Promise.resolve(this.keys());
            }
            keys = [];
            cursor = null;
            start = `b_${this.id}-`.length;
            end = "_settings".length;
            while (cursor !== 0) {
              [next, found] = await this.connection.__runCommand__(["scan", cursor != null ? cursor : 0, "match", `b_${this.id}-*_settings`, "count", 1e4]);
              cursor = ~~next;
              for (i = 0, len = found.length; i < len; i++) {
                k = found[i];
                keys.push(k.slice(start, -end));
              }
            }
            return keys;
          }
          _startAutoCleanup() {
            var base;
            clearInterval(this.interval);
            return typeof (base = this.interval = setInterval(async () => {
              var e, k, ref, results, time, v;
              time = Date.now();
              ref = this.instances;
              results = [];
              for (k in ref) {
                v = ref[k];
                try {
                  if (await v._store.__groupCheck__(time)) {
                    results.push(this.deleteKey(k));
                  } else {
                    results.push(void 0);
                  }
                } catch (error) {
                  e = error;
                  results.push(v.Events.trigger("error", e));
                }
              }
              return results;
            }, this.timeout / 2)).unref === "function" ? base.unref() : void 0;
          }
          updateSettings(options = {}) {
            parser$3.overwrite(options, this.defaults, this);
            parser$3.overwrite(options, options, this.limiterOptions);
            if (options.timeout != null) {
              return this._startAutoCleanup();
            }
          }
          disconnect(flush = true) {
            var ref;
            if (!this.sharedConnection) {
              return (ref = this.connection) != null ? ref.disconnect(flush) : void 0;
            }
          }
        }
        Group2.prototype.defaults = {
          timeout: 1e3 * 60 * 5,
          connection: null,
          Promise,
          id: "group-key"
        };
        return Group2;
      }).call(commonjsGlobal);
      var Group_1 = Group;
      var Batcher, Events$3, parser$4;
      parser$4 = parser2;
      Events$3 = Events_1;
      Batcher = (function() {
        class Batcher2 {
          constructor(options = {}) {
            this.options = options;
            parser$4.load(this.options, this.defaults, this);
            this.Events = new Events$3(this);
            this._arr = [];
            this._resetPromise();
            this._lastFlush = Date.now();
          }
          _resetPromise() {
            return this._promise = new this.Promise((res, rej) => {
              return this._resolve = res;
            });
          }
          _flush() {
            clearTimeout(this._timeout);
            this._lastFlush = Date.now();
            this._resolve();
            this.Events.trigger("batch", this._arr);
            this._arr = [];
            return this._resetPromise();
          }
          add(data) {
            var ret;
            this._arr.push(data);
            ret = this._promise;
            if (this._arr.length === this.maxSize) {
              this._flush();
            } else if (this.maxTime != null && this._arr.length === 1) {
              this._timeout = setTimeout(() => {
                return this._flush();
              }, this.maxTime);
            }
            return ret;
          }
        }
        Batcher2.prototype.defaults = {
          maxTime: null,
          maxSize: null,
          Promise
        };
        return Batcher2;
      }).call(commonjsGlobal);
      var Batcher_1 = Batcher;
      var require$$4$1 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$8 = getCjsExportFromNamespace(version$2);
      var Bottleneck3, DEFAULT_PRIORITY$1, Events$4, Job$1, LocalDatastore$1, NUM_PRIORITIES$1, Queues$1, RedisDatastore$1, States$1, Sync$1, parser$5, splice = [].splice;
      NUM_PRIORITIES$1 = 10;
      DEFAULT_PRIORITY$1 = 5;
      parser$5 = parser2;
      Queues$1 = Queues_1;
      Job$1 = Job_1;
      LocalDatastore$1 = LocalDatastore_1;
      RedisDatastore$1 = require$$4$1;
      Events$4 = Events_1;
      States$1 = States_1;
      Sync$1 = Sync_1;
      Bottleneck3 = (function() {
        class Bottleneck4 {
          constructor(options = {}, ...invalid) {
            var storeInstanceOptions, storeOptions;
            this._addToQueue = this._addToQueue.bind(this);
            this._validateOptions(options, invalid);
            parser$5.load(options, this.instanceDefaults, this);
            this._queues = new Queues$1(NUM_PRIORITIES$1);
            this._scheduled = {};
            this._states = new States$1(["RECEIVED", "QUEUED", "RUNNING", "EXECUTING"].concat(this.trackDoneStatus ? ["DONE"] : []));
            this._limiter = null;
            this.Events = new Events$4(this);
            this._submitLock = new Sync$1("submit", this.Promise);
            this._registerLock = new Sync$1("register", this.Promise);
            storeOptions = parser$5.load(options, this.storeDefaults, {});
            this._store = (function() {
              if (this.datastore === "redis" || this.datastore === "ioredis" || this.connection != null) {
                storeInstanceOptions = parser$5.load(options, this.redisStoreDefaults, {});
                return new RedisDatastore$1(this, storeOptions, storeInstanceOptions);
              } else if (this.datastore === "local") {
                storeInstanceOptions = parser$5.load(options, this.localStoreDefaults, {});
                return new LocalDatastore$1(this, storeOptions, storeInstanceOptions);
              } else {
                throw new Bottleneck4.prototype.BottleneckError(`Invalid datastore type: ${this.datastore}`);
              }
            }).call(this);
            this._queues.on("leftzero", () => {
              var ref;
              return (ref = this._store.heartbeat) != null ? typeof ref.ref === "function" ? ref.ref() : void 0 : void 0;
            });
            this._queues.on("zero", () => {
              var ref;
              return (ref = this._store.heartbeat) != null ? typeof ref.unref === "function" ? ref.unref() : void 0 : void 0;
            });
          }
          _validateOptions(options, invalid) {
            if (!(options != null && typeof options === "object" && invalid.length === 0)) {
              throw new Bottleneck4.prototype.BottleneckError("Bottleneck v2 takes a single object argument. Refer to https://github.com/SGrondin/bottleneck#upgrading-to-v2 if you're upgrading from Bottleneck v1.");
            }
          }
          ready() {
            return this._store.ready;
          }
          clients() {
            return this._store.clients;
          }
          channel() {
            return `b_${this.id}`;
          }
          channel_client() {
            return `b_${this.id}_${this._store.clientId}`;
          }
          publish(message) {
            return this._store.__publish__(message);
          }
          disconnect(flush = true) {
            return this._store.__disconnect__(flush);
          }
          chain(_limiter) {
            this._limiter = _limiter;
            return this;
          }
          queued(priority) {
            return this._queues.queued(priority);
          }
          clusterQueued() {
            return this._store.__queued__();
          }
          empty() {
            return this.queued() === 0 && this._submitLock.isEmpty();
          }
          running() {
            return this._store.__running__();
          }
          done() {
            return this._store.__done__();
          }
          jobStatus(id) {
            return this._states.jobStatus(id);
          }
          jobs(status) {
            return this._states.statusJobs(status);
          }
          counts() {
            return this._states.statusCounts();
          }
          _randomIndex() {
            return Math.random().toString(36).slice(2);
          }
          check(weight = 1) {
            return this._store.__check__(weight);
          }
          _clearGlobalState(index2) {
            if (this._scheduled[index2] != null) {
              clearTimeout(this._scheduled[index2].expiration);
              delete this._scheduled[index2];
              return true;
            } else {
              return false;
            }
          }
          async _free(index2, job, options, eventInfo) {
            var e, running;
            try {
              ({ running } = await this._store.__free__(index2, options.weight));
              this.Events.trigger("debug", `Freed ${options.id}`, eventInfo);
              if (running === 0 && this.empty()) {
                return this.Events.trigger("idle");
              }
            } catch (error1) {
              e = error1;
              return this.Events.trigger("error", e);
            }
          }
          _run(index2, job, wait) {
            var clearGlobalState, free, run2;
            job.doRun();
            clearGlobalState = this._clearGlobalState.bind(this, index2);
            run2 = this._run.bind(this, index2, job);
            free = this._free.bind(this, index2, job);
            return this._scheduled[index2] = {
              timeout: setTimeout(() => {
                return job.doExecute(this._limiter, clearGlobalState, run2, free);
              }, wait),
              expiration: job.options.expiration != null ? setTimeout(function() {
                return job.doExpire(clearGlobalState, run2, free);
              }, wait + job.options.expiration) : void 0,
              job
            };
          }
          _drainOne(capacity) {
            return this._registerLock.schedule(() => {
              var args, index2, next, options, queue;
              if (this.queued() === 0) {
                return this.Promise.resolve(null);
              }
              queue = this._queues.getFirst();
              ({ options, args } = next = queue.first());
              if (capacity != null && options.weight > capacity) {
                return this.Promise.resolve(null);
              }
              this.Events.trigger("debug", `Draining ${options.id}`, { args, options });
              index2 = this._randomIndex();
              return this._store.__register__(index2, options.weight, options.expiration).then(({ success, wait, reservoir }) => {
                var empty;
                this.Events.trigger("debug", `Drained ${options.id}`, { success, args, options });
                if (success) {
                  queue.shift();
                  empty = this.empty();
                  if (empty) {
                    this.Events.trigger("empty");
                  }
                  if (reservoir === 0) {
                    this.Events.trigger("depleted", empty);
                  }
                  this._run(index2, next, wait);
                  return this.Promise.resolve(options.weight);
                } else {
                  return this.Promise.resolve(null);
                }
              });
            });
          }
          _drainAll(capacity, total = 0) {
            return this._drainOne(capacity).then((drained) => {
              var newCapacity;
              if (drained != null) {
                newCapacity = capacity != null ? capacity - drained : capacity;
                return this._drainAll(newCapacity, total + drained);
              } else {
                return this.Promise.resolve(total);
              }
            }).catch((e) => {
              return this.Events.trigger("error", e);
            });
          }
          _dropAllQueued(message) {
            return this._queues.shiftAll(function(job) {
              return job.doDrop({ message });
            });
          }
          stop(options = {}) {
            var done, waitForExecuting;
            options = parser$5.load(options, this.stopDefaults);
            waitForExecuting = (at3) => {
              var finished;
              finished = () => {
                var counts;
                counts = this._states.counts;
                return counts[0] + counts[1] + counts[2] + counts[3] === at3;
              };
              return new this.Promise((resolve2, reject) => {
                if (finished()) {
                  return resolve2();
                } else {
                  return this.on("done", () => {
                    if (finished()) {
                      this.removeAllListeners("done");
                      return resolve2();
                    }
                  });
                }
              });
            };
            done = options.dropWaitingJobs ? (this._run = function(index2, next) {
              return next.doDrop({
                message: options.dropErrorMessage
              });
            }, this._drainOne = () => {
              return this.Promise.resolve(null);
            }, this._registerLock.schedule(() => {
              return this._submitLock.schedule(() => {
                var k, ref, v;
                ref = this._scheduled;
                for (k in ref) {
                  v = ref[k];
                  if (this.jobStatus(v.job.options.id) === "RUNNING") {
                    clearTimeout(v.timeout);
                    clearTimeout(v.expiration);
                    v.job.doDrop({
                      message: options.dropErrorMessage
                    });
                  }
                }
                this._dropAllQueued(options.dropErrorMessage);
                return waitForExecuting(0);
              });
            })) : this.schedule({
              priority: NUM_PRIORITIES$1 - 1,
              weight: 0
            }, () => {
              return waitForExecuting(1);
            });
            this._receive = function(job) {
              return job._reject(new Bottleneck4.prototype.BottleneckError(options.enqueueErrorMessage));
            };
            this.stop = () => {
              return this.Promise.reject(new Bottleneck4.prototype.BottleneckError("stop() has already been called"));
            };
            return done;
          }
          async _addToQueue(job) {
            var args, blocked, error, options, reachedHWM, shifted, strategy;
            ({ args, options } = job);
            try {
              ({ reachedHWM, blocked, strategy } = await this._store.__submit__(this.queued(), options.weight));
            } catch (error1) {
              error = error1;
              this.Events.trigger("debug", `Could not queue ${options.id}`, { args, options, error });
              job.doDrop({ error });
              return false;
            }
            if (blocked) {
              job.doDrop();
              return true;
            } else if (reachedHWM) {
              shifted = strategy === Bottleneck4.prototype.strategy.LEAK ? this._queues.shiftLastFrom(options.priority) : strategy === Bottleneck4.prototype.strategy.OVERFLOW_PRIORITY ? this._queues.shiftLastFrom(options.priority + 1) : strategy === Bottleneck4.prototype.strategy.OVERFLOW ? job : void 0;
              if (shifted != null) {
                shifted.doDrop();
              }
              if (shifted == null || strategy === Bottleneck4.prototype.strategy.OVERFLOW) {
                if (shifted == null) {
                  job.doDrop();
                }
                return reachedHWM;
              }
            }
            job.doQueue(reachedHWM, blocked);
            this._queues.push(job);
            await this._drainAll();
            return reachedHWM;
          }
          _receive(job) {
            if (this._states.jobStatus(job.options.id) != null) {
              job._reject(new Bottleneck4.prototype.BottleneckError(`A job with the same id already exists (id=${job.options.id})`));
              return false;
            } else {
              job.doReceive();
              return this._submitLock.schedule(this._addToQueue, job);
            }
          }
          submit(...args) {
            var cb, fn, job, options, ref, ref1, task;
            if (typeof args[0] === "function") {
              ref = args, [fn, ...args] = ref, [cb] = splice.call(args, -1);
              options = parser$5.load({}, this.jobDefaults);
            } else {
              ref1 = args, [options, fn, ...args] = ref1, [cb] = splice.call(args, -1);
              options = parser$5.load(options, this.jobDefaults);
            }
            task = (...args2) => {
              return new this.Promise(function(resolve2, reject) {
                return fn(...args2, function(...args3) {
                  return (args3[0] != null ? reject : resolve2)(args3);
                });
              });
            };
            job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
            job.promise.then(function(args2) {
              return typeof cb === "function" ? cb(...args2) : void 0;
            }).catch(function(args2) {
              if (Array.isArray(args2)) {
                return typeof cb === "function" ? cb(...args2) : void 0;
              } else {
                return typeof cb === "function" ? cb(args2) : void 0;
              }
            });
            return this._receive(job);
          }
          schedule(...args) {
            var job, options, task;
            if (typeof args[0] === "function") {
              [task, ...args] = args;
              options = {};
            } else {
              [options, task, ...args] = args;
            }
            job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
            this._receive(job);
            return job.promise;
          }
          wrap(fn) {
            var schedule, wrapped;
            schedule = this.schedule.bind(this);
            wrapped = function(...args) {
              return schedule(fn.bind(this), ...args);
            };
            wrapped.withOptions = function(options, ...args) {
              return schedule(options, fn, ...args);
            };
            return wrapped;
          }
          async updateSettings(options = {}) {
            await this._store.__updateSettings__(parser$5.overwrite(options, this.storeDefaults));
            parser$5.overwrite(options, this.instanceDefaults, this);
            return this;
          }
          currentReservoir() {
            return this._store.__currentReservoir__();
          }
          incrementReservoir(incr = 0) {
            return this._store.__incrementReservoir__(incr);
          }
        }
        Bottleneck4.default = Bottleneck4;
        Bottleneck4.Events = Events$4;
        Bottleneck4.version = Bottleneck4.prototype.version = require$$8.version;
        Bottleneck4.strategy = Bottleneck4.prototype.strategy = {
          LEAK: 1,
          OVERFLOW: 2,
          OVERFLOW_PRIORITY: 4,
          BLOCK: 3
        };
        Bottleneck4.BottleneckError = Bottleneck4.prototype.BottleneckError = BottleneckError_1;
        Bottleneck4.Group = Bottleneck4.prototype.Group = Group_1;
        Bottleneck4.RedisConnection = Bottleneck4.prototype.RedisConnection = require$$2;
        Bottleneck4.IORedisConnection = Bottleneck4.prototype.IORedisConnection = require$$3;
        Bottleneck4.Batcher = Bottleneck4.prototype.Batcher = Batcher_1;
        Bottleneck4.prototype.jobDefaults = {
          priority: DEFAULT_PRIORITY$1,
          weight: 1,
          expiration: null,
          id: "<no-id>"
        };
        Bottleneck4.prototype.storeDefaults = {
          maxConcurrent: null,
          minTime: 0,
          highWater: null,
          strategy: Bottleneck4.prototype.strategy.LEAK,
          penalty: null,
          reservoir: null,
          reservoirRefreshInterval: null,
          reservoirRefreshAmount: null,
          reservoirIncreaseInterval: null,
          reservoirIncreaseAmount: null,
          reservoirIncreaseMaximum: null
        };
        Bottleneck4.prototype.localStoreDefaults = {
          Promise,
          timeout: null,
          heartbeatInterval: 250
        };
        Bottleneck4.prototype.redisStoreDefaults = {
          Promise,
          timeout: null,
          heartbeatInterval: 5e3,
          clientTimeout: 1e4,
          Redis: null,
          clientOptions: {},
          clusterNodes: null,
          clearDatastore: false,
          connection: null
        };
        Bottleneck4.prototype.instanceDefaults = {
          datastore: "local",
          connection: null,
          id: "<no-id>",
          rejectOnDrop: true,
          trackDoneStatus: false,
          Promise
        };
        Bottleneck4.prototype.stopDefaults = {
          enqueueErrorMessage: "This limiter has been stopped and cannot accept new jobs.",
          dropWaitingJobs: true,
          dropErrorMessage: "This limiter has been stopped."
        };
        return Bottleneck4;
      }).call(commonjsGlobal);
      var Bottleneck_1 = Bottleneck3;
      var lib = Bottleneck_1;
      return lib;
    }));
  }
});

// node_modules/universalify/index.js
var require_universalify = __commonJS({
  "node_modules/universalify/index.js"(exports2) {
    "use strict";
    exports2.fromCallback = function(fn) {
      return Object.defineProperty(function(...args) {
        if (typeof args[args.length - 1] === "function") fn.apply(this, args);
        else {
          return new Promise((resolve2, reject) => {
            args.push((err, res) => err != null ? reject(err) : resolve2(res));
            fn.apply(this, args);
          });
        }
      }, "name", { value: fn.name });
    };
    exports2.fromPromise = function(fn) {
      return Object.defineProperty(function(...args) {
        const cb = args[args.length - 1];
        if (typeof cb !== "function") return fn.apply(this, args);
        else {
          args.pop();
          fn.apply(this, args).then((r) => cb(null, r), cb);
        }
      }, "name", { value: fn.name });
    };
  }
});

// node_modules/graceful-fs/polyfills.js
var require_polyfills = __commonJS({
  "node_modules/graceful-fs/polyfills.js"(exports2, module2) {
    var constants2 = require("constants");
    var origCwd = process.cwd;
    var cwd = null;
    var platform = process.env.GRACEFUL_FS_PLATFORM || process.platform;
    process.cwd = function() {
      if (!cwd)
        cwd = origCwd.call(process);
      return cwd;
    };
    try {
      process.cwd();
    } catch (er) {
    }
    if (typeof process.chdir === "function") {
      chdir = process.chdir;
      process.chdir = function(d) {
        cwd = null;
        chdir.call(process, d);
      };
      if (Object.setPrototypeOf) Object.setPrototypeOf(process.chdir, chdir);
    }
    var chdir;
    module2.exports = patch;
    function patch(fs2) {
      if (constants2.hasOwnProperty("O_SYMLINK") && process.version.match(/^v0\.6\.[0-2]|^v0\.5\./)) {
        patchLchmod(fs2);
      }
      if (!fs2.lutimes) {
        patchLutimes(fs2);
      }
      fs2.chown = chownFix(fs2.chown);
      fs2.fchown = chownFix(fs2.fchown);
      fs2.lchown = chownFix(fs2.lchown);
      fs2.chmod = chmodFix(fs2.chmod);
      fs2.fchmod = chmodFix(fs2.fchmod);
      fs2.lchmod = chmodFix(fs2.lchmod);
      fs2.chownSync = chownFixSync(fs2.chownSync);
      fs2.fchownSync = chownFixSync(fs2.fchownSync);
      fs2.lchownSync = chownFixSync(fs2.lchownSync);
      fs2.chmodSync = chmodFixSync(fs2.chmodSync);
      fs2.fchmodSync = chmodFixSync(fs2.fchmodSync);
      fs2.lchmodSync = chmodFixSync(fs2.lchmodSync);
      fs2.stat = statFix(fs2.stat);
      fs2.fstat = statFix(fs2.fstat);
      fs2.lstat = statFix(fs2.lstat);
      fs2.statSync = statFixSync(fs2.statSync);
      fs2.fstatSync = statFixSync(fs2.fstatSync);
      fs2.lstatSync = statFixSync(fs2.lstatSync);
      if (fs2.chmod && !fs2.lchmod) {
        fs2.lchmod = function(path, mode, cb) {
          if (cb) process.nextTick(cb);
        };
        fs2.lchmodSync = function() {
        };
      }
      if (fs2.chown && !fs2.lchown) {
        fs2.lchown = function(path, uid, gid, cb) {
          if (cb) process.nextTick(cb);
        };
        fs2.lchownSync = function() {
        };
      }
      if (platform === "win32") {
        fs2.rename = typeof fs2.rename !== "function" ? fs2.rename : (function(fs$rename) {
          function rename(from, to, cb) {
            var start = Date.now();
            var backoff = 0;
            fs$rename(from, to, function CB(er) {
              if (er && (er.code === "EACCES" || er.code === "EPERM" || er.code === "EBUSY") && Date.now() - start < 6e4) {
                setTimeout(function() {
                  fs2.stat(to, function(stater, st) {
                    if (stater && stater.code === "ENOENT")
                      fs$rename(from, to, CB);
                    else
                      cb(er);
                  });
                }, backoff);
                if (backoff < 100)
                  backoff += 10;
                return;
              }
              if (cb) cb(er);
            });
          }
          if (Object.setPrototypeOf) Object.setPrototypeOf(rename, fs$rename);
          return rename;
        })(fs2.rename);
      }
      fs2.read = typeof fs2.read !== "function" ? fs2.read : (function(fs$read) {
        function read2(fd, buffer, offset, length, position2, callback_) {
          var callback;
          if (callback_ && typeof callback_ === "function") {
            var eagCounter = 0;
            callback = function(er, _, __) {
              if (er && er.code === "EAGAIN" && eagCounter < 10) {
                eagCounter++;
                return fs$read.call(fs2, fd, buffer, offset, length, position2, callback);
              }
              callback_.apply(this, arguments);
            };
          }
          return fs$read.call(fs2, fd, buffer, offset, length, position2, callback);
        }
        if (Object.setPrototypeOf) Object.setPrototypeOf(read2, fs$read);
        return read2;
      })(fs2.read);
      fs2.readSync = typeof fs2.readSync !== "function" ? fs2.readSync : /* @__PURE__ */ (function(fs$readSync) {
        return function(fd, buffer, offset, length, position2) {
          var eagCounter = 0;
          while (true) {
            try {
              return fs$readSync.call(fs2, fd, buffer, offset, length, position2);
            } catch (er) {
              if (er.code === "EAGAIN" && eagCounter < 10) {
                eagCounter++;
                continue;
              }
              throw er;
            }
          }
        };
      })(fs2.readSync);
      function patchLchmod(fs3) {
        fs3.lchmod = function(path, mode, callback) {
          fs3.open(
            path,
            constants2.O_WRONLY | constants2.O_SYMLINK,
            mode,
            function(err, fd) {
              if (err) {
                if (callback) callback(err);
                return;
              }
              fs3.fchmod(fd, mode, function(err2) {
                fs3.close(fd, function(err22) {
                  if (callback) callback(err2 || err22);
                });
              });
            }
          );
        };
        fs3.lchmodSync = function(path, mode) {
          var fd = fs3.openSync(path, constants2.O_WRONLY | constants2.O_SYMLINK, mode);
          var threw = true;
          var ret;
          try {
            ret = fs3.fchmodSync(fd, mode);
            threw = false;
          } finally {
            if (threw) {
              try {
                fs3.closeSync(fd);
              } catch (er) {
              }
            } else {
              fs3.closeSync(fd);
            }
          }
          return ret;
        };
      }
      function patchLutimes(fs3) {
        if (constants2.hasOwnProperty("O_SYMLINK") && fs3.futimes) {
          fs3.lutimes = function(path, at3, mt, cb) {
            fs3.open(path, constants2.O_SYMLINK, function(er, fd) {
              if (er) {
                if (cb) cb(er);
                return;
              }
              fs3.futimes(fd, at3, mt, function(er2) {
                fs3.close(fd, function(er22) {
                  if (cb) cb(er2 || er22);
                });
              });
            });
          };
          fs3.lutimesSync = function(path, at3, mt) {
            var fd = fs3.openSync(path, constants2.O_SYMLINK);
            var ret;
            var threw = true;
            try {
              ret = fs3.futimesSync(fd, at3, mt);
              threw = false;
            } finally {
              if (threw) {
                try {
                  fs3.closeSync(fd);
                } catch (er) {
                }
              } else {
                fs3.closeSync(fd);
              }
            }
            return ret;
          };
        } else if (fs3.futimes) {
          fs3.lutimes = function(_a, _b, _c, cb) {
            if (cb) process.nextTick(cb);
          };
          fs3.lutimesSync = function() {
          };
        }
      }
      function chmodFix(orig) {
        if (!orig) return orig;
        return function(target, mode, cb) {
          return orig.call(fs2, target, mode, function(er) {
            if (chownErOk(er)) er = null;
            if (cb) cb.apply(this, arguments);
          });
        };
      }
      function chmodFixSync(orig) {
        if (!orig) return orig;
        return function(target, mode) {
          try {
            return orig.call(fs2, target, mode);
          } catch (er) {
            if (!chownErOk(er)) throw er;
          }
        };
      }
      function chownFix(orig) {
        if (!orig) return orig;
        return function(target, uid, gid, cb) {
          return orig.call(fs2, target, uid, gid, function(er) {
            if (chownErOk(er)) er = null;
            if (cb) cb.apply(this, arguments);
          });
        };
      }
      function chownFixSync(orig) {
        if (!orig) return orig;
        return function(target, uid, gid) {
          try {
            return orig.call(fs2, target, uid, gid);
          } catch (er) {
            if (!chownErOk(er)) throw er;
          }
        };
      }
      function statFix(orig) {
        if (!orig) return orig;
        return function(target, options, cb) {
          if (typeof options === "function") {
            cb = options;
            options = null;
          }
          function callback(er, stats) {
            if (stats) {
              if (stats.uid < 0) stats.uid += 4294967296;
              if (stats.gid < 0) stats.gid += 4294967296;
            }
            if (cb) cb.apply(this, arguments);
          }
          return options ? orig.call(fs2, target, options, callback) : orig.call(fs2, target, callback);
        };
      }
      function statFixSync(orig) {
        if (!orig) return orig;
        return function(target, options) {
          var stats = options ? orig.call(fs2, target, options) : orig.call(fs2, target);
          if (stats) {
            if (stats.uid < 0) stats.uid += 4294967296;
            if (stats.gid < 0) stats.gid += 4294967296;
          }
          return stats;
        };
      }
      function chownErOk(er) {
        if (!er)
          return true;
        if (er.code === "ENOSYS")
          return true;
        var nonroot = !process.getuid || process.getuid() !== 0;
        if (nonroot) {
          if (er.code === "EINVAL" || er.code === "EPERM")
            return true;
        }
        return false;
      }
    }
  }
});

// node_modules/graceful-fs/legacy-streams.js
var require_legacy_streams = __commonJS({
  "node_modules/graceful-fs/legacy-streams.js"(exports2, module2) {
    var Stream = require("stream").Stream;
    module2.exports = legacy;
    function legacy(fs2) {
      return {
        ReadStream,
        WriteStream
      };
      function ReadStream(path, options) {
        if (!(this instanceof ReadStream)) return new ReadStream(path, options);
        Stream.call(this);
        var self2 = this;
        this.path = path;
        this.fd = null;
        this.readable = true;
        this.paused = false;
        this.flags = "r";
        this.mode = 438;
        this.bufferSize = 64 * 1024;
        options = options || {};
        var keys = Object.keys(options);
        for (var index2 = 0, length = keys.length; index2 < length; index2++) {
          var key = keys[index2];
          this[key] = options[key];
        }
        if (this.encoding) this.setEncoding(this.encoding);
        if (this.start !== void 0) {
          if ("number" !== typeof this.start) {
            throw TypeError("start must be a Number");
          }
          if (this.end === void 0) {
            this.end = Infinity;
          } else if ("number" !== typeof this.end) {
            throw TypeError("end must be a Number");
          }
          if (this.start > this.end) {
            throw new Error("start must be <= end");
          }
          this.pos = this.start;
        }
        if (this.fd !== null) {
          process.nextTick(function() {
            self2._read();
          });
          return;
        }
        fs2.open(this.path, this.flags, this.mode, function(err, fd) {
          if (err) {
            self2.emit("error", err);
            self2.readable = false;
            return;
          }
          self2.fd = fd;
          self2.emit("open", fd);
          self2._read();
        });
      }
      function WriteStream(path, options) {
        if (!(this instanceof WriteStream)) return new WriteStream(path, options);
        Stream.call(this);
        this.path = path;
        this.fd = null;
        this.writable = true;
        this.flags = "w";
        this.encoding = "binary";
        this.mode = 438;
        this.bytesWritten = 0;
        options = options || {};
        var keys = Object.keys(options);
        for (var index2 = 0, length = keys.length; index2 < length; index2++) {
          var key = keys[index2];
          this[key] = options[key];
        }
        if (this.start !== void 0) {
          if ("number" !== typeof this.start) {
            throw TypeError("start must be a Number");
          }
          if (this.start < 0) {
            throw new Error("start must be >= zero");
          }
          this.pos = this.start;
        }
        this.busy = false;
        this._queue = [];
        if (this.fd === null) {
          this._open = fs2.open;
          this._queue.push([this._open, this.path, this.flags, this.mode, void 0]);
          this.flush();
        }
      }
    }
  }
});

// node_modules/graceful-fs/clone.js
var require_clone = __commonJS({
  "node_modules/graceful-fs/clone.js"(exports2, module2) {
    "use strict";
    module2.exports = clone;
    var getPrototypeOf = Object.getPrototypeOf || function(obj) {
      return obj.__proto__;
    };
    function clone(obj) {
      if (obj === null || typeof obj !== "object")
        return obj;
      if (obj instanceof Object)
        var copy = { __proto__: getPrototypeOf(obj) };
      else
        var copy = /* @__PURE__ */ Object.create(null);
      Object.getOwnPropertyNames(obj).forEach(function(key) {
        Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(obj, key));
      });
      return copy;
    }
  }
});

// node_modules/graceful-fs/graceful-fs.js
var require_graceful_fs = __commonJS({
  "node_modules/graceful-fs/graceful-fs.js"(exports2, module2) {
    var fs2 = require("fs");
    var polyfills = require_polyfills();
    var legacy = require_legacy_streams();
    var clone = require_clone();
    var util = require("util");
    var gracefulQueue;
    var previousSymbol;
    if (typeof Symbol === "function" && typeof Symbol.for === "function") {
      gracefulQueue = /* @__PURE__ */ Symbol.for("graceful-fs.queue");
      previousSymbol = /* @__PURE__ */ Symbol.for("graceful-fs.previous");
    } else {
      gracefulQueue = "___graceful-fs.queue";
      previousSymbol = "___graceful-fs.previous";
    }
    function noop4() {
    }
    function publishQueue(context, queue2) {
      Object.defineProperty(context, gracefulQueue, {
        get: function() {
          return queue2;
        }
      });
    }
    var debug = noop4;
    if (util.debuglog)
      debug = util.debuglog("gfs4");
    else if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || ""))
      debug = function() {
        var m = util.format.apply(util, arguments);
        m = "GFS4: " + m.split(/\n/).join("\nGFS4: ");
        console.error(m);
      };
    if (!fs2[gracefulQueue]) {
      queue = global[gracefulQueue] || [];
      publishQueue(fs2, queue);
      fs2.close = (function(fs$close) {
        function close(fd, cb) {
          return fs$close.call(fs2, fd, function(err) {
            if (!err) {
              resetQueue();
            }
            if (typeof cb === "function")
              cb.apply(this, arguments);
          });
        }
        Object.defineProperty(close, previousSymbol, {
          value: fs$close
        });
        return close;
      })(fs2.close);
      fs2.closeSync = (function(fs$closeSync) {
        function closeSync2(fd) {
          fs$closeSync.apply(fs2, arguments);
          resetQueue();
        }
        Object.defineProperty(closeSync2, previousSymbol, {
          value: fs$closeSync
        });
        return closeSync2;
      })(fs2.closeSync);
      if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || "")) {
        process.on("exit", function() {
          debug(fs2[gracefulQueue]);
          require("assert").equal(fs2[gracefulQueue].length, 0);
        });
      }
    }
    var queue;
    if (!global[gracefulQueue]) {
      publishQueue(global, fs2[gracefulQueue]);
    }
    module2.exports = patch(clone(fs2));
    if (process.env.TEST_GRACEFUL_FS_GLOBAL_PATCH && !fs2.__patched) {
      module2.exports = patch(fs2);
      fs2.__patched = true;
    }
    function patch(fs3) {
      polyfills(fs3);
      fs3.gracefulify = patch;
      fs3.createReadStream = createReadStream;
      fs3.createWriteStream = createWriteStream;
      var fs$readFile = fs3.readFile;
      fs3.readFile = readFile;
      function readFile(path, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$readFile(path, options, cb);
        function go$readFile(path2, options2, cb2, startTime) {
          return fs$readFile(path2, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$readFile, [path2, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$writeFile = fs3.writeFile;
      fs3.writeFile = writeFile;
      function writeFile(path, data, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$writeFile(path, data, options, cb);
        function go$writeFile(path2, data2, options2, cb2, startTime) {
          return fs$writeFile(path2, data2, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$writeFile, [path2, data2, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$appendFile = fs3.appendFile;
      if (fs$appendFile)
        fs3.appendFile = appendFile;
      function appendFile(path, data, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$appendFile(path, data, options, cb);
        function go$appendFile(path2, data2, options2, cb2, startTime) {
          return fs$appendFile(path2, data2, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$appendFile, [path2, data2, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$copyFile = fs3.copyFile;
      if (fs$copyFile)
        fs3.copyFile = copyFile;
      function copyFile(src, dest, flags, cb) {
        if (typeof flags === "function") {
          cb = flags;
          flags = 0;
        }
        return go$copyFile(src, dest, flags, cb);
        function go$copyFile(src2, dest2, flags2, cb2, startTime) {
          return fs$copyFile(src2, dest2, flags2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$copyFile, [src2, dest2, flags2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$readdir = fs3.readdir;
      fs3.readdir = readdir;
      var noReaddirOptionVersions = /^v[0-5]\./;
      function readdir(path, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        var go$readdir = noReaddirOptionVersions.test(process.version) ? function go$readdir2(path2, options2, cb2, startTime) {
          return fs$readdir(path2, fs$readdirCallback(
            path2,
            options2,
            cb2,
            startTime
          ));
        } : function go$readdir2(path2, options2, cb2, startTime) {
          return fs$readdir(path2, options2, fs$readdirCallback(
            path2,
            options2,
            cb2,
            startTime
          ));
        };
        return go$readdir(path, options, cb);
        function fs$readdirCallback(path2, options2, cb2, startTime) {
          return function(err, files) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([
                go$readdir,
                [path2, options2, cb2],
                err,
                startTime || Date.now(),
                Date.now()
              ]);
            else {
              if (files && files.sort)
                files.sort();
              if (typeof cb2 === "function")
                cb2.call(this, err, files);
            }
          };
        }
      }
      if (process.version.substr(0, 4) === "v0.8") {
        var legStreams = legacy(fs3);
        ReadStream = legStreams.ReadStream;
        WriteStream = legStreams.WriteStream;
      }
      var fs$ReadStream = fs3.ReadStream;
      if (fs$ReadStream) {
        ReadStream.prototype = Object.create(fs$ReadStream.prototype);
        ReadStream.prototype.open = ReadStream$open;
      }
      var fs$WriteStream = fs3.WriteStream;
      if (fs$WriteStream) {
        WriteStream.prototype = Object.create(fs$WriteStream.prototype);
        WriteStream.prototype.open = WriteStream$open;
      }
      Object.defineProperty(fs3, "ReadStream", {
        get: function() {
          return ReadStream;
        },
        set: function(val) {
          ReadStream = val;
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(fs3, "WriteStream", {
        get: function() {
          return WriteStream;
        },
        set: function(val) {
          WriteStream = val;
        },
        enumerable: true,
        configurable: true
      });
      var FileReadStream = ReadStream;
      Object.defineProperty(fs3, "FileReadStream", {
        get: function() {
          return FileReadStream;
        },
        set: function(val) {
          FileReadStream = val;
        },
        enumerable: true,
        configurable: true
      });
      var FileWriteStream = WriteStream;
      Object.defineProperty(fs3, "FileWriteStream", {
        get: function() {
          return FileWriteStream;
        },
        set: function(val) {
          FileWriteStream = val;
        },
        enumerable: true,
        configurable: true
      });
      function ReadStream(path, options) {
        if (this instanceof ReadStream)
          return fs$ReadStream.apply(this, arguments), this;
        else
          return ReadStream.apply(Object.create(ReadStream.prototype), arguments);
      }
      function ReadStream$open() {
        var that = this;
        open(that.path, that.flags, that.mode, function(err, fd) {
          if (err) {
            if (that.autoClose)
              that.destroy();
            that.emit("error", err);
          } else {
            that.fd = fd;
            that.emit("open", fd);
            that.read();
          }
        });
      }
      function WriteStream(path, options) {
        if (this instanceof WriteStream)
          return fs$WriteStream.apply(this, arguments), this;
        else
          return WriteStream.apply(Object.create(WriteStream.prototype), arguments);
      }
      function WriteStream$open() {
        var that = this;
        open(that.path, that.flags, that.mode, function(err, fd) {
          if (err) {
            that.destroy();
            that.emit("error", err);
          } else {
            that.fd = fd;
            that.emit("open", fd);
          }
        });
      }
      function createReadStream(path, options) {
        return new fs3.ReadStream(path, options);
      }
      function createWriteStream(path, options) {
        return new fs3.WriteStream(path, options);
      }
      var fs$open = fs3.open;
      fs3.open = open;
      function open(path, flags, mode, cb) {
        if (typeof mode === "function")
          cb = mode, mode = null;
        return go$open(path, flags, mode, cb);
        function go$open(path2, flags2, mode2, cb2, startTime) {
          return fs$open(path2, flags2, mode2, function(err, fd) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$open, [path2, flags2, mode2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      return fs3;
    }
    function enqueue(elem) {
      debug("ENQUEUE", elem[0].name, elem[1]);
      fs2[gracefulQueue].push(elem);
      retry2();
    }
    var retryTimer;
    function resetQueue() {
      var now = Date.now();
      for (var i = 0; i < fs2[gracefulQueue].length; ++i) {
        if (fs2[gracefulQueue][i].length > 2) {
          fs2[gracefulQueue][i][3] = now;
          fs2[gracefulQueue][i][4] = now;
        }
      }
      retry2();
    }
    function retry2() {
      clearTimeout(retryTimer);
      retryTimer = void 0;
      if (fs2[gracefulQueue].length === 0)
        return;
      var elem = fs2[gracefulQueue].shift();
      var fn = elem[0];
      var args = elem[1];
      var err = elem[2];
      var startTime = elem[3];
      var lastTime = elem[4];
      if (startTime === void 0) {
        debug("RETRY", fn.name, args);
        fn.apply(null, args);
      } else if (Date.now() - startTime >= 6e4) {
        debug("TIMEOUT", fn.name, args);
        var cb = args.pop();
        if (typeof cb === "function")
          cb.call(null, err);
      } else {
        var sinceAttempt = Date.now() - lastTime;
        var sinceStart = Math.max(lastTime - startTime, 1);
        var desiredDelay = Math.min(sinceStart * 1.2, 100);
        if (sinceAttempt >= desiredDelay) {
          debug("RETRY", fn.name, args);
          fn.apply(null, args.concat([startTime]));
        } else {
          fs2[gracefulQueue].push(elem);
        }
      }
      if (retryTimer === void 0) {
        retryTimer = setTimeout(retry2, 0);
      }
    }
  }
});

// node_modules/fs-extra/lib/fs/index.js
var require_fs = __commonJS({
  "node_modules/fs-extra/lib/fs/index.js"(exports2) {
    "use strict";
    var u = require_universalify().fromCallback;
    var fs2 = require_graceful_fs();
    var api = [
      "access",
      "appendFile",
      "chmod",
      "chown",
      "close",
      "copyFile",
      "cp",
      "fchmod",
      "fchown",
      "fdatasync",
      "fstat",
      "fsync",
      "ftruncate",
      "futimes",
      "glob",
      "lchmod",
      "lchown",
      "lutimes",
      "link",
      "lstat",
      "mkdir",
      "mkdtemp",
      "open",
      "opendir",
      "readdir",
      "readFile",
      "readlink",
      "realpath",
      "rename",
      "rm",
      "rmdir",
      "stat",
      "statfs",
      "symlink",
      "truncate",
      "unlink",
      "utimes",
      "writeFile"
    ].filter((key) => {
      return typeof fs2[key] === "function";
    });
    Object.assign(exports2, fs2);
    api.forEach((method) => {
      exports2[method] = u(fs2[method]);
    });
    exports2.exists = function(filename, callback) {
      if (typeof callback === "function") {
        return fs2.exists(filename, callback);
      }
      return new Promise((resolve2) => {
        return fs2.exists(filename, resolve2);
      });
    };
    exports2.read = function(fd, buffer, offset, length, position2, callback) {
      if (typeof callback === "function") {
        return fs2.read(fd, buffer, offset, length, position2, callback);
      }
      return new Promise((resolve2, reject) => {
        fs2.read(fd, buffer, offset, length, position2, (err, bytesRead, buffer2) => {
          if (err) return reject(err);
          resolve2({ bytesRead, buffer: buffer2 });
        });
      });
    };
    exports2.write = function(fd, buffer, ...args) {
      if (typeof args[args.length - 1] === "function") {
        return fs2.write(fd, buffer, ...args);
      }
      return new Promise((resolve2, reject) => {
        fs2.write(fd, buffer, ...args, (err, bytesWritten, buffer2) => {
          if (err) return reject(err);
          resolve2({ bytesWritten, buffer: buffer2 });
        });
      });
    };
    exports2.readv = function(fd, buffers, ...args) {
      if (typeof args[args.length - 1] === "function") {
        return fs2.readv(fd, buffers, ...args);
      }
      return new Promise((resolve2, reject) => {
        fs2.readv(fd, buffers, ...args, (err, bytesRead, buffers2) => {
          if (err) return reject(err);
          resolve2({ bytesRead, buffers: buffers2 });
        });
      });
    };
    exports2.writev = function(fd, buffers, ...args) {
      if (typeof args[args.length - 1] === "function") {
        return fs2.writev(fd, buffers, ...args);
      }
      return new Promise((resolve2, reject) => {
        fs2.writev(fd, buffers, ...args, (err, bytesWritten, buffers2) => {
          if (err) return reject(err);
          resolve2({ bytesWritten, buffers: buffers2 });
        });
      });
    };
    if (typeof fs2.realpath.native === "function") {
      exports2.realpath.native = u(fs2.realpath.native);
    } else {
      process.emitWarning(
        "fs.realpath.native is not a function. Is fs being monkey-patched?",
        "Warning",
        "fs-extra-WARN0003"
      );
    }
  }
});

// node_modules/fs-extra/lib/mkdirs/utils.js
var require_utils = __commonJS({
  "node_modules/fs-extra/lib/mkdirs/utils.js"(exports2, module2) {
    "use strict";
    var path = require("path");
    module2.exports.checkPath = function checkPath(pth) {
      if (process.platform === "win32") {
        const pathHasInvalidWinCharacters = /[<>:"|?*]/.test(pth.replace(path.parse(pth).root, ""));
        if (pathHasInvalidWinCharacters) {
          const error = new Error(`Path contains invalid characters: ${pth}`);
          error.code = "EINVAL";
          throw error;
        }
      }
    };
  }
});

// node_modules/fs-extra/lib/mkdirs/make-dir.js
var require_make_dir = __commonJS({
  "node_modules/fs-extra/lib/mkdirs/make-dir.js"(exports2, module2) {
    "use strict";
    var fs2 = require_fs();
    var { checkPath } = require_utils();
    var getMode = (options) => {
      const defaults = { mode: 511 };
      if (typeof options === "number") return options;
      return { ...defaults, ...options }.mode;
    };
    module2.exports.makeDir = async (dir, options) => {
      checkPath(dir);
      return fs2.mkdir(dir, {
        mode: getMode(options),
        recursive: true
      });
    };
    module2.exports.makeDirSync = (dir, options) => {
      checkPath(dir);
      return fs2.mkdirSync(dir, {
        mode: getMode(options),
        recursive: true
      });
    };
  }
});

// node_modules/fs-extra/lib/mkdirs/index.js
var require_mkdirs = __commonJS({
  "node_modules/fs-extra/lib/mkdirs/index.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var { makeDir: _makeDir, makeDirSync } = require_make_dir();
    var makeDir = u(_makeDir);
    module2.exports = {
      mkdirs: makeDir,
      mkdirsSync: makeDirSync,
      // alias
      mkdirp: makeDir,
      mkdirpSync: makeDirSync,
      ensureDir: makeDir,
      ensureDirSync: makeDirSync
    };
  }
});

// node_modules/fs-extra/lib/path-exists/index.js
var require_path_exists = __commonJS({
  "node_modules/fs-extra/lib/path-exists/index.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var fs2 = require_fs();
    function pathExists(path) {
      return fs2.access(path).then(() => true).catch(() => false);
    }
    module2.exports = {
      pathExists: u(pathExists),
      pathExistsSync: fs2.existsSync
    };
  }
});

// node_modules/fs-extra/lib/util/utimes.js
var require_utimes = __commonJS({
  "node_modules/fs-extra/lib/util/utimes.js"(exports2, module2) {
    "use strict";
    var fs2 = require_fs();
    var u = require_universalify().fromPromise;
    async function utimesMillis(path, atime, mtime) {
      const fd = await fs2.open(path, "r+");
      let closeErr = null;
      try {
        await fs2.futimes(fd, atime, mtime);
      } finally {
        try {
          await fs2.close(fd);
        } catch (e) {
          closeErr = e;
        }
      }
      if (closeErr) {
        throw closeErr;
      }
    }
    function utimesMillisSync(path, atime, mtime) {
      const fd = fs2.openSync(path, "r+");
      fs2.futimesSync(fd, atime, mtime);
      return fs2.closeSync(fd);
    }
    module2.exports = {
      utimesMillis: u(utimesMillis),
      utimesMillisSync
    };
  }
});

// node_modules/fs-extra/lib/util/stat.js
var require_stat = __commonJS({
  "node_modules/fs-extra/lib/util/stat.js"(exports2, module2) {
    "use strict";
    var fs2 = require_fs();
    var path = require("path");
    var u = require_universalify().fromPromise;
    function getStats(src, dest, opts) {
      const statFunc = opts.dereference ? (file) => fs2.stat(file, { bigint: true }) : (file) => fs2.lstat(file, { bigint: true });
      return Promise.all([
        statFunc(src),
        statFunc(dest).catch((err) => {
          if (err.code === "ENOENT") return null;
          throw err;
        })
      ]).then(([srcStat, destStat]) => ({ srcStat, destStat }));
    }
    function getStatsSync(src, dest, opts) {
      let destStat;
      const statFunc = opts.dereference ? (file) => fs2.statSync(file, { bigint: true }) : (file) => fs2.lstatSync(file, { bigint: true });
      const srcStat = statFunc(src);
      try {
        destStat = statFunc(dest);
      } catch (err) {
        if (err.code === "ENOENT") return { srcStat, destStat: null };
        throw err;
      }
      return { srcStat, destStat };
    }
    async function checkPaths(src, dest, funcName, opts) {
      const { srcStat, destStat } = await getStats(src, dest, opts);
      if (destStat) {
        if (areIdentical(srcStat, destStat)) {
          const srcBaseName = path.basename(src);
          const destBaseName = path.basename(dest);
          if (funcName === "move" && srcBaseName !== destBaseName && srcBaseName.toLowerCase() === destBaseName.toLowerCase()) {
            return { srcStat, destStat, isChangingCase: true };
          }
          throw new Error("Source and destination must not be the same.");
        }
        if (srcStat.isDirectory() && !destStat.isDirectory()) {
          throw new Error(`Cannot overwrite non-directory '${dest}' with directory '${src}'.`);
        }
        if (!srcStat.isDirectory() && destStat.isDirectory()) {
          throw new Error(`Cannot overwrite directory '${dest}' with non-directory '${src}'.`);
        }
      }
      if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return { srcStat, destStat };
    }
    function checkPathsSync(src, dest, funcName, opts) {
      const { srcStat, destStat } = getStatsSync(src, dest, opts);
      if (destStat) {
        if (areIdentical(srcStat, destStat)) {
          const srcBaseName = path.basename(src);
          const destBaseName = path.basename(dest);
          if (funcName === "move" && srcBaseName !== destBaseName && srcBaseName.toLowerCase() === destBaseName.toLowerCase()) {
            return { srcStat, destStat, isChangingCase: true };
          }
          throw new Error("Source and destination must not be the same.");
        }
        if (srcStat.isDirectory() && !destStat.isDirectory()) {
          throw new Error(`Cannot overwrite non-directory '${dest}' with directory '${src}'.`);
        }
        if (!srcStat.isDirectory() && destStat.isDirectory()) {
          throw new Error(`Cannot overwrite directory '${dest}' with non-directory '${src}'.`);
        }
      }
      if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return { srcStat, destStat };
    }
    async function checkParentPaths(src, srcStat, dest, funcName) {
      const srcParent = path.resolve(path.dirname(src));
      const destParent = path.resolve(path.dirname(dest));
      if (destParent === srcParent || destParent === path.parse(destParent).root) return;
      let destStat;
      try {
        destStat = await fs2.stat(destParent, { bigint: true });
      } catch (err) {
        if (err.code === "ENOENT") return;
        throw err;
      }
      if (areIdentical(srcStat, destStat)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return checkParentPaths(src, srcStat, destParent, funcName);
    }
    function checkParentPathsSync(src, srcStat, dest, funcName) {
      const srcParent = path.resolve(path.dirname(src));
      const destParent = path.resolve(path.dirname(dest));
      if (destParent === srcParent || destParent === path.parse(destParent).root) return;
      let destStat;
      try {
        destStat = fs2.statSync(destParent, { bigint: true });
      } catch (err) {
        if (err.code === "ENOENT") return;
        throw err;
      }
      if (areIdentical(srcStat, destStat)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return checkParentPathsSync(src, srcStat, destParent, funcName);
    }
    function areIdentical(srcStat, destStat) {
      return destStat.ino && destStat.dev && destStat.ino === srcStat.ino && destStat.dev === srcStat.dev;
    }
    function isSrcSubdir(src, dest) {
      const srcArr = path.resolve(src).split(path.sep).filter((i) => i);
      const destArr = path.resolve(dest).split(path.sep).filter((i) => i);
      return srcArr.every((cur, i) => destArr[i] === cur);
    }
    function errMsg(src, dest, funcName) {
      return `Cannot ${funcName} '${src}' to a subdirectory of itself, '${dest}'.`;
    }
    module2.exports = {
      // checkPaths
      checkPaths: u(checkPaths),
      checkPathsSync,
      // checkParent
      checkParentPaths: u(checkParentPaths),
      checkParentPathsSync,
      // Misc
      isSrcSubdir,
      areIdentical
    };
  }
});

// node_modules/fs-extra/lib/copy/copy.js
var require_copy = __commonJS({
  "node_modules/fs-extra/lib/copy/copy.js"(exports2, module2) {
    "use strict";
    var fs2 = require_fs();
    var path = require("path");
    var { mkdirs } = require_mkdirs();
    var { pathExists } = require_path_exists();
    var { utimesMillis } = require_utimes();
    var stat = require_stat();
    async function copy(src, dest, opts = {}) {
      if (typeof opts === "function") {
        opts = { filter: opts };
      }
      opts.clobber = "clobber" in opts ? !!opts.clobber : true;
      opts.overwrite = "overwrite" in opts ? !!opts.overwrite : opts.clobber;
      if (opts.preserveTimestamps && process.arch === "ia32") {
        process.emitWarning(
          "Using the preserveTimestamps option in 32-bit node is not recommended;\n\n	see https://github.com/jprichardson/node-fs-extra/issues/269",
          "Warning",
          "fs-extra-WARN0001"
        );
      }
      const { srcStat, destStat } = await stat.checkPaths(src, dest, "copy", opts);
      await stat.checkParentPaths(src, srcStat, dest, "copy");
      const include = await runFilter(src, dest, opts);
      if (!include) return;
      const destParent = path.dirname(dest);
      const dirExists = await pathExists(destParent);
      if (!dirExists) {
        await mkdirs(destParent);
      }
      await getStatsAndPerformCopy(destStat, src, dest, opts);
    }
    async function runFilter(src, dest, opts) {
      if (!opts.filter) return true;
      return opts.filter(src, dest);
    }
    async function getStatsAndPerformCopy(destStat, src, dest, opts) {
      const statFn = opts.dereference ? fs2.stat : fs2.lstat;
      const srcStat = await statFn(src);
      if (srcStat.isDirectory()) return onDir(srcStat, destStat, src, dest, opts);
      if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) return onFile(srcStat, destStat, src, dest, opts);
      if (srcStat.isSymbolicLink()) return onLink(destStat, src, dest, opts);
      if (srcStat.isSocket()) throw new Error(`Cannot copy a socket file: ${src}`);
      if (srcStat.isFIFO()) throw new Error(`Cannot copy a FIFO pipe: ${src}`);
      throw new Error(`Unknown file: ${src}`);
    }
    async function onFile(srcStat, destStat, src, dest, opts) {
      if (!destStat) return copyFile(srcStat, src, dest, opts);
      if (opts.overwrite) {
        await fs2.unlink(dest);
        return copyFile(srcStat, src, dest, opts);
      }
      if (opts.errorOnExist) {
        throw new Error(`'${dest}' already exists`);
      }
    }
    async function copyFile(srcStat, src, dest, opts) {
      await fs2.copyFile(src, dest);
      if (opts.preserveTimestamps) {
        if (fileIsNotWritable(srcStat.mode)) {
          await makeFileWritable(dest, srcStat.mode);
        }
        const updatedSrcStat = await fs2.stat(src);
        await utimesMillis(dest, updatedSrcStat.atime, updatedSrcStat.mtime);
      }
      return fs2.chmod(dest, srcStat.mode);
    }
    function fileIsNotWritable(srcMode) {
      return (srcMode & 128) === 0;
    }
    function makeFileWritable(dest, srcMode) {
      return fs2.chmod(dest, srcMode | 128);
    }
    async function onDir(srcStat, destStat, src, dest, opts) {
      if (!destStat) {
        await fs2.mkdir(dest);
      }
      const promises = [];
      for await (const item of await fs2.opendir(src)) {
        const srcItem = path.join(src, item.name);
        const destItem = path.join(dest, item.name);
        promises.push(
          runFilter(srcItem, destItem, opts).then((include) => {
            if (include) {
              return stat.checkPaths(srcItem, destItem, "copy", opts).then(({ destStat: destStat2 }) => {
                return getStatsAndPerformCopy(destStat2, srcItem, destItem, opts);
              });
            }
          })
        );
      }
      await Promise.all(promises);
      if (!destStat) {
        await fs2.chmod(dest, srcStat.mode);
      }
    }
    async function onLink(destStat, src, dest, opts) {
      let resolvedSrc = await fs2.readlink(src);
      if (opts.dereference) {
        resolvedSrc = path.resolve(process.cwd(), resolvedSrc);
      }
      if (!destStat) {
        return fs2.symlink(resolvedSrc, dest);
      }
      let resolvedDest = null;
      try {
        resolvedDest = await fs2.readlink(dest);
      } catch (e) {
        if (e.code === "EINVAL" || e.code === "UNKNOWN") return fs2.symlink(resolvedSrc, dest);
        throw e;
      }
      if (opts.dereference) {
        resolvedDest = path.resolve(process.cwd(), resolvedDest);
      }
      if (stat.isSrcSubdir(resolvedSrc, resolvedDest)) {
        throw new Error(`Cannot copy '${resolvedSrc}' to a subdirectory of itself, '${resolvedDest}'.`);
      }
      if (stat.isSrcSubdir(resolvedDest, resolvedSrc)) {
        throw new Error(`Cannot overwrite '${resolvedDest}' with '${resolvedSrc}'.`);
      }
      await fs2.unlink(dest);
      return fs2.symlink(resolvedSrc, dest);
    }
    module2.exports = copy;
  }
});

// node_modules/fs-extra/lib/copy/copy-sync.js
var require_copy_sync = __commonJS({
  "node_modules/fs-extra/lib/copy/copy-sync.js"(exports2, module2) {
    "use strict";
    var fs2 = require_graceful_fs();
    var path = require("path");
    var mkdirsSync = require_mkdirs().mkdirsSync;
    var utimesMillisSync = require_utimes().utimesMillisSync;
    var stat = require_stat();
    function copySync(src, dest, opts) {
      if (typeof opts === "function") {
        opts = { filter: opts };
      }
      opts = opts || {};
      opts.clobber = "clobber" in opts ? !!opts.clobber : true;
      opts.overwrite = "overwrite" in opts ? !!opts.overwrite : opts.clobber;
      if (opts.preserveTimestamps && process.arch === "ia32") {
        process.emitWarning(
          "Using the preserveTimestamps option in 32-bit node is not recommended;\n\n	see https://github.com/jprichardson/node-fs-extra/issues/269",
          "Warning",
          "fs-extra-WARN0002"
        );
      }
      const { srcStat, destStat } = stat.checkPathsSync(src, dest, "copy", opts);
      stat.checkParentPathsSync(src, srcStat, dest, "copy");
      if (opts.filter && !opts.filter(src, dest)) return;
      const destParent = path.dirname(dest);
      if (!fs2.existsSync(destParent)) mkdirsSync(destParent);
      return getStats(destStat, src, dest, opts);
    }
    function getStats(destStat, src, dest, opts) {
      const statSync = opts.dereference ? fs2.statSync : fs2.lstatSync;
      const srcStat = statSync(src);
      if (srcStat.isDirectory()) return onDir(srcStat, destStat, src, dest, opts);
      else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) return onFile(srcStat, destStat, src, dest, opts);
      else if (srcStat.isSymbolicLink()) return onLink(destStat, src, dest, opts);
      else if (srcStat.isSocket()) throw new Error(`Cannot copy a socket file: ${src}`);
      else if (srcStat.isFIFO()) throw new Error(`Cannot copy a FIFO pipe: ${src}`);
      throw new Error(`Unknown file: ${src}`);
    }
    function onFile(srcStat, destStat, src, dest, opts) {
      if (!destStat) return copyFile(srcStat, src, dest, opts);
      return mayCopyFile(srcStat, src, dest, opts);
    }
    function mayCopyFile(srcStat, src, dest, opts) {
      if (opts.overwrite) {
        fs2.unlinkSync(dest);
        return copyFile(srcStat, src, dest, opts);
      } else if (opts.errorOnExist) {
        throw new Error(`'${dest}' already exists`);
      }
    }
    function copyFile(srcStat, src, dest, opts) {
      fs2.copyFileSync(src, dest);
      if (opts.preserveTimestamps) handleTimestamps(srcStat.mode, src, dest);
      return setDestMode(dest, srcStat.mode);
    }
    function handleTimestamps(srcMode, src, dest) {
      if (fileIsNotWritable(srcMode)) makeFileWritable(dest, srcMode);
      return setDestTimestamps(src, dest);
    }
    function fileIsNotWritable(srcMode) {
      return (srcMode & 128) === 0;
    }
    function makeFileWritable(dest, srcMode) {
      return setDestMode(dest, srcMode | 128);
    }
    function setDestMode(dest, srcMode) {
      return fs2.chmodSync(dest, srcMode);
    }
    function setDestTimestamps(src, dest) {
      const updatedSrcStat = fs2.statSync(src);
      return utimesMillisSync(dest, updatedSrcStat.atime, updatedSrcStat.mtime);
    }
    function onDir(srcStat, destStat, src, dest, opts) {
      if (!destStat) return mkDirAndCopy(srcStat.mode, src, dest, opts);
      return copyDir(src, dest, opts);
    }
    function mkDirAndCopy(srcMode, src, dest, opts) {
      fs2.mkdirSync(dest);
      copyDir(src, dest, opts);
      return setDestMode(dest, srcMode);
    }
    function copyDir(src, dest, opts) {
      const dir = fs2.opendirSync(src);
      try {
        let dirent;
        while ((dirent = dir.readSync()) !== null) {
          copyDirItem(dirent.name, src, dest, opts);
        }
      } finally {
        dir.closeSync();
      }
    }
    function copyDirItem(item, src, dest, opts) {
      const srcItem = path.join(src, item);
      const destItem = path.join(dest, item);
      if (opts.filter && !opts.filter(srcItem, destItem)) return;
      const { destStat } = stat.checkPathsSync(srcItem, destItem, "copy", opts);
      return getStats(destStat, srcItem, destItem, opts);
    }
    function onLink(destStat, src, dest, opts) {
      let resolvedSrc = fs2.readlinkSync(src);
      if (opts.dereference) {
        resolvedSrc = path.resolve(process.cwd(), resolvedSrc);
      }
      if (!destStat) {
        return fs2.symlinkSync(resolvedSrc, dest);
      } else {
        let resolvedDest;
        try {
          resolvedDest = fs2.readlinkSync(dest);
        } catch (err) {
          if (err.code === "EINVAL" || err.code === "UNKNOWN") return fs2.symlinkSync(resolvedSrc, dest);
          throw err;
        }
        if (opts.dereference) {
          resolvedDest = path.resolve(process.cwd(), resolvedDest);
        }
        if (stat.isSrcSubdir(resolvedSrc, resolvedDest)) {
          throw new Error(`Cannot copy '${resolvedSrc}' to a subdirectory of itself, '${resolvedDest}'.`);
        }
        if (stat.isSrcSubdir(resolvedDest, resolvedSrc)) {
          throw new Error(`Cannot overwrite '${resolvedDest}' with '${resolvedSrc}'.`);
        }
        return copyLink(resolvedSrc, dest);
      }
    }
    function copyLink(resolvedSrc, dest) {
      fs2.unlinkSync(dest);
      return fs2.symlinkSync(resolvedSrc, dest);
    }
    module2.exports = copySync;
  }
});

// node_modules/fs-extra/lib/copy/index.js
var require_copy2 = __commonJS({
  "node_modules/fs-extra/lib/copy/index.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    module2.exports = {
      copy: u(require_copy()),
      copySync: require_copy_sync()
    };
  }
});

// node_modules/fs-extra/lib/remove/index.js
var require_remove = __commonJS({
  "node_modules/fs-extra/lib/remove/index.js"(exports2, module2) {
    "use strict";
    var fs2 = require_graceful_fs();
    var u = require_universalify().fromCallback;
    function remove(path, callback) {
      fs2.rm(path, { recursive: true, force: true }, callback);
    }
    function removeSync(path) {
      fs2.rmSync(path, { recursive: true, force: true });
    }
    module2.exports = {
      remove: u(remove),
      removeSync
    };
  }
});

// node_modules/fs-extra/lib/empty/index.js
var require_empty = __commonJS({
  "node_modules/fs-extra/lib/empty/index.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var fs2 = require_fs();
    var path = require("path");
    var mkdir = require_mkdirs();
    var remove = require_remove();
    var emptyDir = u(async function emptyDir2(dir) {
      let items;
      try {
        items = await fs2.readdir(dir);
      } catch {
        return mkdir.mkdirs(dir);
      }
      return Promise.all(items.map((item) => remove.remove(path.join(dir, item))));
    });
    function emptyDirSync(dir) {
      let items;
      try {
        items = fs2.readdirSync(dir);
      } catch {
        return mkdir.mkdirsSync(dir);
      }
      items.forEach((item) => {
        item = path.join(dir, item);
        remove.removeSync(item);
      });
    }
    module2.exports = {
      emptyDirSync,
      emptydirSync: emptyDirSync,
      emptyDir,
      emptydir: emptyDir
    };
  }
});

// node_modules/fs-extra/lib/ensure/file.js
var require_file = __commonJS({
  "node_modules/fs-extra/lib/ensure/file.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var path = require("path");
    var fs2 = require_fs();
    var mkdir = require_mkdirs();
    async function createFile(file) {
      let stats;
      try {
        stats = await fs2.stat(file);
      } catch {
      }
      if (stats && stats.isFile()) return;
      const dir = path.dirname(file);
      let dirStats = null;
      try {
        dirStats = await fs2.stat(dir);
      } catch (err) {
        if (err.code === "ENOENT") {
          await mkdir.mkdirs(dir);
          await fs2.writeFile(file, "");
          return;
        } else {
          throw err;
        }
      }
      if (dirStats.isDirectory()) {
        await fs2.writeFile(file, "");
      } else {
        await fs2.readdir(dir);
      }
    }
    function createFileSync(file) {
      let stats;
      try {
        stats = fs2.statSync(file);
      } catch {
      }
      if (stats && stats.isFile()) return;
      const dir = path.dirname(file);
      try {
        if (!fs2.statSync(dir).isDirectory()) {
          fs2.readdirSync(dir);
        }
      } catch (err) {
        if (err && err.code === "ENOENT") mkdir.mkdirsSync(dir);
        else throw err;
      }
      fs2.writeFileSync(file, "");
    }
    module2.exports = {
      createFile: u(createFile),
      createFileSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/link.js
var require_link = __commonJS({
  "node_modules/fs-extra/lib/ensure/link.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var path = require("path");
    var fs2 = require_fs();
    var mkdir = require_mkdirs();
    var { pathExists } = require_path_exists();
    var { areIdentical } = require_stat();
    async function createLink(srcpath, dstpath) {
      let dstStat;
      try {
        dstStat = await fs2.lstat(dstpath);
      } catch {
      }
      let srcStat;
      try {
        srcStat = await fs2.lstat(srcpath);
      } catch (err) {
        err.message = err.message.replace("lstat", "ensureLink");
        throw err;
      }
      if (dstStat && areIdentical(srcStat, dstStat)) return;
      const dir = path.dirname(dstpath);
      const dirExists = await pathExists(dir);
      if (!dirExists) {
        await mkdir.mkdirs(dir);
      }
      await fs2.link(srcpath, dstpath);
    }
    function createLinkSync(srcpath, dstpath) {
      let dstStat;
      try {
        dstStat = fs2.lstatSync(dstpath);
      } catch {
      }
      try {
        const srcStat = fs2.lstatSync(srcpath);
        if (dstStat && areIdentical(srcStat, dstStat)) return;
      } catch (err) {
        err.message = err.message.replace("lstat", "ensureLink");
        throw err;
      }
      const dir = path.dirname(dstpath);
      const dirExists = fs2.existsSync(dir);
      if (dirExists) return fs2.linkSync(srcpath, dstpath);
      mkdir.mkdirsSync(dir);
      return fs2.linkSync(srcpath, dstpath);
    }
    module2.exports = {
      createLink: u(createLink),
      createLinkSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/symlink-paths.js
var require_symlink_paths = __commonJS({
  "node_modules/fs-extra/lib/ensure/symlink-paths.js"(exports2, module2) {
    "use strict";
    var path = require("path");
    var fs2 = require_fs();
    var { pathExists } = require_path_exists();
    var u = require_universalify().fromPromise;
    async function symlinkPaths(srcpath, dstpath) {
      if (path.isAbsolute(srcpath)) {
        try {
          await fs2.lstat(srcpath);
        } catch (err) {
          err.message = err.message.replace("lstat", "ensureSymlink");
          throw err;
        }
        return {
          toCwd: srcpath,
          toDst: srcpath
        };
      }
      const dstdir = path.dirname(dstpath);
      const relativeToDst = path.join(dstdir, srcpath);
      const exists = await pathExists(relativeToDst);
      if (exists) {
        return {
          toCwd: relativeToDst,
          toDst: srcpath
        };
      }
      try {
        await fs2.lstat(srcpath);
      } catch (err) {
        err.message = err.message.replace("lstat", "ensureSymlink");
        throw err;
      }
      return {
        toCwd: srcpath,
        toDst: path.relative(dstdir, srcpath)
      };
    }
    function symlinkPathsSync(srcpath, dstpath) {
      if (path.isAbsolute(srcpath)) {
        const exists2 = fs2.existsSync(srcpath);
        if (!exists2) throw new Error("absolute srcpath does not exist");
        return {
          toCwd: srcpath,
          toDst: srcpath
        };
      }
      const dstdir = path.dirname(dstpath);
      const relativeToDst = path.join(dstdir, srcpath);
      const exists = fs2.existsSync(relativeToDst);
      if (exists) {
        return {
          toCwd: relativeToDst,
          toDst: srcpath
        };
      }
      const srcExists = fs2.existsSync(srcpath);
      if (!srcExists) throw new Error("relative srcpath does not exist");
      return {
        toCwd: srcpath,
        toDst: path.relative(dstdir, srcpath)
      };
    }
    module2.exports = {
      symlinkPaths: u(symlinkPaths),
      symlinkPathsSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/symlink-type.js
var require_symlink_type = __commonJS({
  "node_modules/fs-extra/lib/ensure/symlink-type.js"(exports2, module2) {
    "use strict";
    var fs2 = require_fs();
    var u = require_universalify().fromPromise;
    async function symlinkType(srcpath, type) {
      if (type) return type;
      let stats;
      try {
        stats = await fs2.lstat(srcpath);
      } catch {
        return "file";
      }
      return stats && stats.isDirectory() ? "dir" : "file";
    }
    function symlinkTypeSync(srcpath, type) {
      if (type) return type;
      let stats;
      try {
        stats = fs2.lstatSync(srcpath);
      } catch {
        return "file";
      }
      return stats && stats.isDirectory() ? "dir" : "file";
    }
    module2.exports = {
      symlinkType: u(symlinkType),
      symlinkTypeSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/symlink.js
var require_symlink = __commonJS({
  "node_modules/fs-extra/lib/ensure/symlink.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var path = require("path");
    var fs2 = require_fs();
    var { mkdirs, mkdirsSync } = require_mkdirs();
    var { symlinkPaths, symlinkPathsSync } = require_symlink_paths();
    var { symlinkType, symlinkTypeSync } = require_symlink_type();
    var { pathExists } = require_path_exists();
    var { areIdentical } = require_stat();
    async function createSymlink(srcpath, dstpath, type) {
      let stats;
      try {
        stats = await fs2.lstat(dstpath);
      } catch {
      }
      if (stats && stats.isSymbolicLink()) {
        const [srcStat, dstStat] = await Promise.all([
          fs2.stat(srcpath),
          fs2.stat(dstpath)
        ]);
        if (areIdentical(srcStat, dstStat)) return;
      }
      const relative2 = await symlinkPaths(srcpath, dstpath);
      srcpath = relative2.toDst;
      const toType = await symlinkType(relative2.toCwd, type);
      const dir = path.dirname(dstpath);
      if (!await pathExists(dir)) {
        await mkdirs(dir);
      }
      return fs2.symlink(srcpath, dstpath, toType);
    }
    function createSymlinkSync(srcpath, dstpath, type) {
      let stats;
      try {
        stats = fs2.lstatSync(dstpath);
      } catch {
      }
      if (stats && stats.isSymbolicLink()) {
        const srcStat = fs2.statSync(srcpath);
        const dstStat = fs2.statSync(dstpath);
        if (areIdentical(srcStat, dstStat)) return;
      }
      const relative2 = symlinkPathsSync(srcpath, dstpath);
      srcpath = relative2.toDst;
      type = symlinkTypeSync(relative2.toCwd, type);
      const dir = path.dirname(dstpath);
      const exists = fs2.existsSync(dir);
      if (exists) return fs2.symlinkSync(srcpath, dstpath, type);
      mkdirsSync(dir);
      return fs2.symlinkSync(srcpath, dstpath, type);
    }
    module2.exports = {
      createSymlink: u(createSymlink),
      createSymlinkSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/index.js
var require_ensure = __commonJS({
  "node_modules/fs-extra/lib/ensure/index.js"(exports2, module2) {
    "use strict";
    var { createFile, createFileSync } = require_file();
    var { createLink, createLinkSync } = require_link();
    var { createSymlink, createSymlinkSync } = require_symlink();
    module2.exports = {
      // file
      createFile,
      createFileSync,
      ensureFile: createFile,
      ensureFileSync: createFileSync,
      // link
      createLink,
      createLinkSync,
      ensureLink: createLink,
      ensureLinkSync: createLinkSync,
      // symlink
      createSymlink,
      createSymlinkSync,
      ensureSymlink: createSymlink,
      ensureSymlinkSync: createSymlinkSync
    };
  }
});

// node_modules/jsonfile/utils.js
var require_utils2 = __commonJS({
  "node_modules/jsonfile/utils.js"(exports2, module2) {
    function stringify(obj, { EOL = "\n", finalEOL = true, replacer = null, spaces } = {}) {
      const EOF = finalEOL ? EOL : "";
      const str4 = JSON.stringify(obj, replacer, spaces);
      if (str4 === void 0) {
        throw new TypeError(`Converting ${typeof obj} value to JSON is not supported`);
      }
      return str4.replace(/\n/g, EOL) + EOF;
    }
    function stripBom(content) {
      if (Buffer.isBuffer(content)) content = content.toString("utf8");
      return content.replace(/^\uFEFF/, "");
    }
    module2.exports = { stringify, stripBom };
  }
});

// node_modules/jsonfile/index.js
var require_jsonfile = __commonJS({
  "node_modules/jsonfile/index.js"(exports2, module2) {
    var _fs;
    try {
      _fs = require_graceful_fs();
    } catch (_) {
      _fs = require("fs");
    }
    var universalify = require_universalify();
    var { stringify, stripBom } = require_utils2();
    async function _readFile(file, options = {}) {
      if (typeof options === "string") {
        options = { encoding: options };
      }
      const fs2 = options.fs || _fs;
      const shouldThrow = "throws" in options ? options.throws : true;
      let data = await universalify.fromCallback(fs2.readFile)(file, options);
      data = stripBom(data);
      let obj;
      try {
        obj = JSON.parse(data, options ? options.reviver : null);
      } catch (err) {
        if (shouldThrow) {
          err.message = `${file}: ${err.message}`;
          throw err;
        } else {
          return null;
        }
      }
      return obj;
    }
    var readFile = universalify.fromPromise(_readFile);
    function readFileSync2(file, options = {}) {
      if (typeof options === "string") {
        options = { encoding: options };
      }
      const fs2 = options.fs || _fs;
      const shouldThrow = "throws" in options ? options.throws : true;
      try {
        let content = fs2.readFileSync(file, options);
        content = stripBom(content);
        return JSON.parse(content, options.reviver);
      } catch (err) {
        if (shouldThrow) {
          err.message = `${file}: ${err.message}`;
          throw err;
        } else {
          return null;
        }
      }
    }
    async function _writeFile(file, obj, options = {}) {
      const fs2 = options.fs || _fs;
      const str4 = stringify(obj, options);
      await universalify.fromCallback(fs2.writeFile)(file, str4, options);
    }
    var writeFile = universalify.fromPromise(_writeFile);
    function writeFileSync2(file, obj, options = {}) {
      const fs2 = options.fs || _fs;
      const str4 = stringify(obj, options);
      return fs2.writeFileSync(file, str4, options);
    }
    module2.exports = {
      readFile,
      readFileSync: readFileSync2,
      writeFile,
      writeFileSync: writeFileSync2
    };
  }
});

// node_modules/fs-extra/lib/json/jsonfile.js
var require_jsonfile2 = __commonJS({
  "node_modules/fs-extra/lib/json/jsonfile.js"(exports2, module2) {
    "use strict";
    var jsonFile = require_jsonfile();
    module2.exports = {
      // jsonfile exports
      readJson: jsonFile.readFile,
      readJsonSync: jsonFile.readFileSync,
      writeJson: jsonFile.writeFile,
      writeJsonSync: jsonFile.writeFileSync
    };
  }
});

// node_modules/fs-extra/lib/output-file/index.js
var require_output_file = __commonJS({
  "node_modules/fs-extra/lib/output-file/index.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var fs2 = require_fs();
    var path = require("path");
    var mkdir = require_mkdirs();
    var pathExists = require_path_exists().pathExists;
    async function outputFile(file, data, encoding = "utf-8") {
      const dir = path.dirname(file);
      if (!await pathExists(dir)) {
        await mkdir.mkdirs(dir);
      }
      return fs2.writeFile(file, data, encoding);
    }
    function outputFileSync(file, ...args) {
      const dir = path.dirname(file);
      if (!fs2.existsSync(dir)) {
        mkdir.mkdirsSync(dir);
      }
      fs2.writeFileSync(file, ...args);
    }
    module2.exports = {
      outputFile: u(outputFile),
      outputFileSync
    };
  }
});

// node_modules/fs-extra/lib/json/output-json.js
var require_output_json = __commonJS({
  "node_modules/fs-extra/lib/json/output-json.js"(exports2, module2) {
    "use strict";
    var { stringify } = require_utils2();
    var { outputFile } = require_output_file();
    async function outputJson(file, data, options = {}) {
      const str4 = stringify(data, options);
      await outputFile(file, str4, options);
    }
    module2.exports = outputJson;
  }
});

// node_modules/fs-extra/lib/json/output-json-sync.js
var require_output_json_sync = __commonJS({
  "node_modules/fs-extra/lib/json/output-json-sync.js"(exports2, module2) {
    "use strict";
    var { stringify } = require_utils2();
    var { outputFileSync } = require_output_file();
    function outputJsonSync(file, data, options) {
      const str4 = stringify(data, options);
      outputFileSync(file, str4, options);
    }
    module2.exports = outputJsonSync;
  }
});

// node_modules/fs-extra/lib/json/index.js
var require_json = __commonJS({
  "node_modules/fs-extra/lib/json/index.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    var jsonFile = require_jsonfile2();
    jsonFile.outputJson = u(require_output_json());
    jsonFile.outputJsonSync = require_output_json_sync();
    jsonFile.outputJSON = jsonFile.outputJson;
    jsonFile.outputJSONSync = jsonFile.outputJsonSync;
    jsonFile.writeJSON = jsonFile.writeJson;
    jsonFile.writeJSONSync = jsonFile.writeJsonSync;
    jsonFile.readJSON = jsonFile.readJson;
    jsonFile.readJSONSync = jsonFile.readJsonSync;
    module2.exports = jsonFile;
  }
});

// node_modules/fs-extra/lib/move/move.js
var require_move = __commonJS({
  "node_modules/fs-extra/lib/move/move.js"(exports2, module2) {
    "use strict";
    var fs2 = require_fs();
    var path = require("path");
    var { copy } = require_copy2();
    var { remove } = require_remove();
    var { mkdirp } = require_mkdirs();
    var { pathExists } = require_path_exists();
    var stat = require_stat();
    async function move(src, dest, opts = {}) {
      const overwrite = opts.overwrite || opts.clobber || false;
      const { srcStat, isChangingCase = false } = await stat.checkPaths(src, dest, "move", opts);
      await stat.checkParentPaths(src, srcStat, dest, "move");
      const destParent = path.dirname(dest);
      const parsedParentPath = path.parse(destParent);
      if (parsedParentPath.root !== destParent) {
        await mkdirp(destParent);
      }
      return doRename(src, dest, overwrite, isChangingCase);
    }
    async function doRename(src, dest, overwrite, isChangingCase) {
      if (!isChangingCase) {
        if (overwrite) {
          await remove(dest);
        } else if (await pathExists(dest)) {
          throw new Error("dest already exists.");
        }
      }
      try {
        await fs2.rename(src, dest);
      } catch (err) {
        if (err.code !== "EXDEV") {
          throw err;
        }
        await moveAcrossDevice(src, dest, overwrite);
      }
    }
    async function moveAcrossDevice(src, dest, overwrite) {
      const opts = {
        overwrite,
        errorOnExist: true,
        preserveTimestamps: true
      };
      await copy(src, dest, opts);
      return remove(src);
    }
    module2.exports = move;
  }
});

// node_modules/fs-extra/lib/move/move-sync.js
var require_move_sync = __commonJS({
  "node_modules/fs-extra/lib/move/move-sync.js"(exports2, module2) {
    "use strict";
    var fs2 = require_graceful_fs();
    var path = require("path");
    var copySync = require_copy2().copySync;
    var removeSync = require_remove().removeSync;
    var mkdirpSync = require_mkdirs().mkdirpSync;
    var stat = require_stat();
    function moveSync(src, dest, opts) {
      opts = opts || {};
      const overwrite = opts.overwrite || opts.clobber || false;
      const { srcStat, isChangingCase = false } = stat.checkPathsSync(src, dest, "move", opts);
      stat.checkParentPathsSync(src, srcStat, dest, "move");
      if (!isParentRoot(dest)) mkdirpSync(path.dirname(dest));
      return doRename(src, dest, overwrite, isChangingCase);
    }
    function isParentRoot(dest) {
      const parent = path.dirname(dest);
      const parsedPath = path.parse(parent);
      return parsedPath.root === parent;
    }
    function doRename(src, dest, overwrite, isChangingCase) {
      if (isChangingCase) return rename(src, dest, overwrite);
      if (overwrite) {
        removeSync(dest);
        return rename(src, dest, overwrite);
      }
      if (fs2.existsSync(dest)) throw new Error("dest already exists.");
      return rename(src, dest, overwrite);
    }
    function rename(src, dest, overwrite) {
      try {
        fs2.renameSync(src, dest);
      } catch (err) {
        if (err.code !== "EXDEV") throw err;
        return moveAcrossDevice(src, dest, overwrite);
      }
    }
    function moveAcrossDevice(src, dest, overwrite) {
      const opts = {
        overwrite,
        errorOnExist: true,
        preserveTimestamps: true
      };
      copySync(src, dest, opts);
      return removeSync(src);
    }
    module2.exports = moveSync;
  }
});

// node_modules/fs-extra/lib/move/index.js
var require_move2 = __commonJS({
  "node_modules/fs-extra/lib/move/index.js"(exports2, module2) {
    "use strict";
    var u = require_universalify().fromPromise;
    module2.exports = {
      move: u(require_move()),
      moveSync: require_move_sync()
    };
  }
});

// node_modules/fs-extra/lib/index.js
var require_lib = __commonJS({
  "node_modules/fs-extra/lib/index.js"(exports2, module2) {
    "use strict";
    module2.exports = {
      // Export promiseified graceful-fs:
      ...require_fs(),
      // Export extra methods:
      ...require_copy2(),
      ...require_empty(),
      ...require_ensure(),
      ...require_json(),
      ...require_mkdirs(),
      ...require_move2(),
      ...require_output_file(),
      ...require_path_exists(),
      ...require_remove()
    };
  }
});

// node_modules/@cdktf/hcl2json/lib/deepmerge.js
var require_deepmerge = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/deepmerge.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.deepMerge = void 0;
    function deepMerge(target, ...sources) {
      for (const source of sources) {
        if (typeof source !== "object" || typeof target !== "object") {
          throw new Error(`Invalid usage. Both source (${JSON.stringify(source)}) and target (${JSON.stringify(target)}) must be objects`);
        }
        for (const key of Object.keys(source)) {
          const value = source[key];
          if (typeof value === "object" && value != null && !Array.isArray(value)) {
            if (typeof target[key] !== "object") {
              target[key] = {};
            }
            deepMerge(target[key], value);
            const output = target[key];
            if (typeof output === "object" && Object.keys(output).length === 0) {
              delete target[key];
            }
          } else if (typeof value === "object" && value != null && Array.isArray(value)) {
            if (Array.isArray(target[key])) {
              target[key] = [...target[key], ...value];
            } else {
              target[key] = value;
            }
          } else if (value === void 0) {
            delete target[key];
          } else {
            target[key] = value;
          }
        }
      }
      return target;
    }
    exports2.deepMerge = deepMerge;
  }
});

// node_modules/@cdktf/hcl2json/lib/syntax-tree.js
var require_syntax_tree = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/syntax-tree.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.getChildWithValue = exports2.isIndexTraversalPart = exports2.isNameTraversalPart = exports2.isObjectExpression = exports2.isTupleExpression = exports2.isBinaryOpExpression = exports2.isUnaryOpExpression = exports2.isConditionalExpression = exports2.isSplatExpression = exports2.isIndexExpression = exports2.isLiteralValueExpression = exports2.isRelativeTraversalExpression = exports2.isScopeTraversalExpression = exports2.isFunctionCallExpression = exports2.isTemplateExpression = exports2.isTemplateWrapExpression = exports2.isForExpression = void 0;
    function isForExpression(ast) {
      return ast.type === "for";
    }
    exports2.isForExpression = isForExpression;
    function isTemplateWrapExpression(ast) {
      return ast.type === "templateWrap";
    }
    exports2.isTemplateWrapExpression = isTemplateWrapExpression;
    function isTemplateExpression(ast) {
      return ast.type === "template";
    }
    exports2.isTemplateExpression = isTemplateExpression;
    function isFunctionCallExpression(ast) {
      return ast.type === "function";
    }
    exports2.isFunctionCallExpression = isFunctionCallExpression;
    function isScopeTraversalExpression(ast) {
      return ast.type === "scopeTraversal";
    }
    exports2.isScopeTraversalExpression = isScopeTraversalExpression;
    function isRelativeTraversalExpression(ast) {
      return ast.type === "relativeTraversal";
    }
    exports2.isRelativeTraversalExpression = isRelativeTraversalExpression;
    function isLiteralValueExpression(ast) {
      return ast.type === "literalValue";
    }
    exports2.isLiteralValueExpression = isLiteralValueExpression;
    function isIndexExpression(ast) {
      return ast.type === "index";
    }
    exports2.isIndexExpression = isIndexExpression;
    function isSplatExpression(ast) {
      return ast.type === "splat";
    }
    exports2.isSplatExpression = isSplatExpression;
    function isConditionalExpression(ast) {
      return ast.type === "conditional";
    }
    exports2.isConditionalExpression = isConditionalExpression;
    function isUnaryOpExpression(ast) {
      return ast.type === "unaryOp";
    }
    exports2.isUnaryOpExpression = isUnaryOpExpression;
    function isBinaryOpExpression(ast) {
      return ast.type === "binaryOp";
    }
    exports2.isBinaryOpExpression = isBinaryOpExpression;
    function isTupleExpression(ast) {
      return ast.type === "tuple";
    }
    exports2.isTupleExpression = isTupleExpression;
    function isObjectExpression(part) {
      return part.type === "object";
    }
    exports2.isObjectExpression = isObjectExpression;
    function isNameTraversalPart(part) {
      return part.type === "nameTraversal";
    }
    exports2.isNameTraversalPart = isNameTraversalPart;
    function isIndexTraversalPart(part) {
      return part.type === "indexTraversal";
    }
    exports2.isIndexTraversalPart = isIndexTraversalPart;
    function getChildWithValue(node3, value) {
      if (!node3.children) {
        return null;
      }
      return node3.children.find((child) => {
        if (!child.meta)
          return false;
        return child.meta.value === value;
      });
    }
    exports2.getChildWithValue = getChildWithValue;
  }
});

// node_modules/@cdktf/hcl2json/lib/references.js
var require_references = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/references.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.findAllReferencesInAst = exports2.traversalToReference = void 0;
    var syntax_tree_1 = require_syntax_tree();
    function traversalToReference(traversalExpression, localVariables) {
      const meta = traversalExpression.meta;
      function onlyTakeTraversalPartsUntilFirstBracketPropertyAccess(traversals) {
        let filtered = [];
        let index2 = 0;
        for (const traversal of traversals) {
          if ("segment" in traversal) {
            if (index2 === 0) {
              if (localVariables === null || localVariables === void 0 ? void 0 : localVariables.includes(traversal.segment)) {
                return [];
              }
            }
            filtered.push(traversal);
          } else {
            return filtered;
          }
        }
        return filtered;
      }
      const filteredParts = onlyTakeTraversalPartsUntilFirstBracketPropertyAccess(meta.traversal);
      if (filteredParts.length === 0) {
        return null;
      }
      const startPosition = filteredParts[0].range.start.byte;
      const endPosition = filteredParts[filteredParts.length - 1].range.end.byte;
      return {
        value: filteredParts.map((part) => part.segment).join("."),
        startPosition,
        endPosition
      };
    }
    exports2.traversalToReference = traversalToReference;
    function findAllReferencesInAst(input, entry, localVariables) {
      if (!entry) {
        return [];
      }
      switch (entry.type) {
        case "scopeTraversal": {
          const reference = traversalToReference(entry, localVariables);
          if (reference)
            return [reference];
          return [];
        }
        case "for": {
          const meta = entry.meta;
          const additionalLocalVariables = [
            meta.keyVar,
            meta.valVar,
            ...localVariables || []
          ];
          return [
            ...findAllReferencesInAst(input, (0, syntax_tree_1.getChildWithValue)(entry, meta.collectionExpression), additionalLocalVariables),
            ...findAllReferencesInAst(input, (0, syntax_tree_1.getChildWithValue)(entry, meta.conditionalExpression), additionalLocalVariables)
          ];
        }
        default:
          return entry.children.map((child) => findAllReferencesInAst(input, child, localVariables)).flat();
      }
    }
    exports2.findAllReferencesInAst = findAllReferencesInAst;
  }
});

// node_modules/@cdktf/hcl2json/lib/util.js
var require_util = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/util.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.wrapTerraformExpression = exports2.replaceQuotes = void 0;
    function replaceQuotes(input) {
      const fullyQuotedMatch = /^(\s*")(.*)("\s*)$/.exec(input);
      const hasTemplate = /(?<!\$)\$\{/.test(input);
      if (fullyQuotedMatch !== null && !hasTemplate) {
        return `${fullyQuotedMatch[1]}${fullyQuotedMatch[2].replace(/"/g, `\\"`)}${fullyQuotedMatch[3]}`;
      }
      return input;
    }
    exports2.replaceQuotes = replaceQuotes;
    function wrapTerraformExpression(input) {
      input = replaceQuotes(input);
      if (!isNaN(Number(input))) {
        return { wrap: input, wrapOffset: 0 };
      }
      if (input === "true" || input === "false") {
        return { wrap: input, wrapOffset: 0 };
      }
      if (input.startsWith(`"`)) {
        if (input.indexOf("\n") >= 0) {
          const trimWrapped = input.substring(1, input.length - 1);
          return {
            wrap: `<<EOE
${trimWrapped}
EOE
`,
            wrapOffset: 5
          };
        }
        return { wrap: input, wrapOffset: 0 };
      }
      if (input.startsWith("[") || input.startsWith("{")) {
        return { wrap: input, wrapOffset: 0 };
      }
      if (input.startsWith("<<")) {
        if (!input.endsWith("\n")) {
          return { wrap: input + "\n", wrapOffset: 0 };
        }
        return { wrap: input, wrapOffset: 0 };
      }
      return { wrap: `"${input}"`, wrapOffset: 1 };
    }
    exports2.wrapTerraformExpression = wrapTerraformExpression;
  }
});

// node_modules/@cdktf/hcl2json/wasm/wasm_exec.js
var require_wasm_exec = __commonJS({
  "node_modules/@cdktf/hcl2json/wasm/wasm_exec.js"() {
    "use strict";
    (() => {
      const enosys = () => {
        const err = new Error("not implemented");
        err.code = "ENOSYS";
        return err;
      };
      if (!globalThis.fs) {
        let outputBuf = "";
        globalThis.fs = {
          constants: { O_WRONLY: -1, O_RDWR: -1, O_CREAT: -1, O_TRUNC: -1, O_APPEND: -1, O_EXCL: -1 },
          // unused
          writeSync(fd, buf) {
            outputBuf += decoder2.decode(buf);
            const nl = outputBuf.lastIndexOf("\n");
            if (nl != -1) {
              console.log(outputBuf.substr(0, nl));
              outputBuf = outputBuf.substr(nl + 1);
            }
            return buf.length;
          },
          write(fd, buf, offset, length, position2, callback) {
            if (offset !== 0 || length !== buf.length || position2 !== null) {
              callback(enosys());
              return;
            }
            const n = this.writeSync(fd, buf);
            callback(null, n);
          },
          chmod(path, mode, callback) {
            callback(enosys());
          },
          chown(path, uid, gid, callback) {
            callback(enosys());
          },
          close(fd, callback) {
            callback(enosys());
          },
          fchmod(fd, mode, callback) {
            callback(enosys());
          },
          fchown(fd, uid, gid, callback) {
            callback(enosys());
          },
          fstat(fd, callback) {
            callback(enosys());
          },
          fsync(fd, callback) {
            callback(null);
          },
          ftruncate(fd, length, callback) {
            callback(enosys());
          },
          lchown(path, uid, gid, callback) {
            callback(enosys());
          },
          link(path, link3, callback) {
            callback(enosys());
          },
          lstat(path, callback) {
            callback(enosys());
          },
          mkdir(path, perm, callback) {
            callback(enosys());
          },
          open(path, flags, mode, callback) {
            callback(enosys());
          },
          read(fd, buffer, offset, length, position2, callback) {
            callback(enosys());
          },
          readdir(path, callback) {
            callback(enosys());
          },
          readlink(path, callback) {
            callback(enosys());
          },
          rename(from, to, callback) {
            callback(enosys());
          },
          rmdir(path, callback) {
            callback(enosys());
          },
          stat(path, callback) {
            callback(enosys());
          },
          symlink(path, link3, callback) {
            callback(enosys());
          },
          truncate(path, length, callback) {
            callback(enosys());
          },
          unlink(path, callback) {
            callback(enosys());
          },
          utimes(path, atime, mtime, callback) {
            callback(enosys());
          }
        };
      }
      if (!globalThis.process) {
        globalThis.process = {
          getuid() {
            return -1;
          },
          getgid() {
            return -1;
          },
          geteuid() {
            return -1;
          },
          getegid() {
            return -1;
          },
          getgroups() {
            throw enosys();
          },
          pid: -1,
          ppid: -1,
          umask() {
            throw enosys();
          },
          cwd() {
            throw enosys();
          },
          chdir() {
            throw enosys();
          }
        };
      }
      if (!globalThis.crypto) {
        throw new Error("globalThis.crypto is not available, polyfill required (crypto.getRandomValues only)");
      }
      if (!globalThis.performance) {
        throw new Error("globalThis.performance is not available, polyfill required (performance.now only)");
      }
      if (!globalThis.TextEncoder) {
        throw new Error("globalThis.TextEncoder is not available, polyfill required");
      }
      if (!globalThis.TextDecoder) {
        throw new Error("globalThis.TextDecoder is not available, polyfill required");
      }
      const encoder = new TextEncoder("utf-8");
      const decoder2 = new TextDecoder("utf-8");
      globalThis.Go = class {
        constructor() {
          this.argv = ["js"];
          this.env = {};
          this.exit = (code2) => {
            if (code2 !== 0) {
              console.warn("exit code:", code2);
            }
          };
          this._exitPromise = new Promise((resolve2) => {
            this._resolveExitPromise = resolve2;
          });
          this._pendingEvent = null;
          this._scheduledTimeouts = /* @__PURE__ */ new Map();
          this._nextCallbackTimeoutID = 1;
          const setInt64 = (addr, v) => {
            this.mem.setUint32(addr + 0, v, true);
            this.mem.setUint32(addr + 4, Math.floor(v / 4294967296), true);
          };
          const getInt64 = (addr) => {
            const low = this.mem.getUint32(addr + 0, true);
            const high = this.mem.getInt32(addr + 4, true);
            return low + high * 4294967296;
          };
          const loadValue = (addr) => {
            const f = this.mem.getFloat64(addr, true);
            if (f === 0) {
              return void 0;
            }
            if (!isNaN(f)) {
              return f;
            }
            const id = this.mem.getUint32(addr, true);
            return this._values[id];
          };
          const storeValue = (addr, v) => {
            const nanHead = 2146959360;
            if (typeof v === "number" && v !== 0) {
              if (isNaN(v)) {
                this.mem.setUint32(addr + 4, nanHead, true);
                this.mem.setUint32(addr, 0, true);
                return;
              }
              this.mem.setFloat64(addr, v, true);
              return;
            }
            if (v === void 0) {
              this.mem.setFloat64(addr, 0, true);
              return;
            }
            let id = this._ids.get(v);
            if (id === void 0) {
              id = this._idPool.pop();
              if (id === void 0) {
                id = this._values.length;
              }
              this._values[id] = v;
              this._goRefCounts[id] = 0;
              this._ids.set(v, id);
            }
            this._goRefCounts[id]++;
            let typeFlag = 0;
            switch (typeof v) {
              case "object":
                if (v !== null) {
                  typeFlag = 1;
                }
                break;
              case "string":
                typeFlag = 2;
                break;
              case "symbol":
                typeFlag = 3;
                break;
              case "function":
                typeFlag = 4;
                break;
            }
            this.mem.setUint32(addr + 4, nanHead | typeFlag, true);
            this.mem.setUint32(addr, id, true);
          };
          const loadSlice = (addr) => {
            const array2 = getInt64(addr + 0);
            const len = getInt64(addr + 8);
            return new Uint8Array(this._inst.exports.mem.buffer, array2, len);
          };
          const loadSliceOfValues = (addr) => {
            const array2 = getInt64(addr + 0);
            const len = getInt64(addr + 8);
            const a = new Array(len);
            for (let i = 0; i < len; i++) {
              a[i] = loadValue(array2 + i * 8);
            }
            return a;
          };
          const loadString = (addr) => {
            const saddr = getInt64(addr + 0);
            const len = getInt64(addr + 8);
            return decoder2.decode(new DataView(this._inst.exports.mem.buffer, saddr, len));
          };
          const timeOrigin = Date.now() - performance.now();
          this.importObject = {
            go: {
              // Go's SP does not change as long as no Go code is running. Some operations (e.g. calls, getters and setters)
              // may synchronously trigger a Go event handler. This makes Go code get executed in the middle of the imported
              // function. A goroutine can switch to a new stack if the current stack is too small (see morestack function).
              // This changes the SP, thus we have to update the SP used by the imported function.
              // func wasmExit(code int32)
              "runtime.wasmExit": (sp) => {
                sp >>>= 0;
                const code2 = this.mem.getInt32(sp + 8, true);
                this.exited = true;
                delete this._inst;
                delete this._values;
                delete this._goRefCounts;
                delete this._ids;
                delete this._idPool;
                this.exit(code2);
              },
              // func wasmWrite(fd uintptr, p unsafe.Pointer, n int32)
              "runtime.wasmWrite": (sp) => {
                sp >>>= 0;
                const fd = getInt64(sp + 8);
                const p = getInt64(sp + 16);
                const n = this.mem.getInt32(sp + 24, true);
                fs.writeSync(fd, new Uint8Array(this._inst.exports.mem.buffer, p, n));
              },
              // func resetMemoryDataView()
              "runtime.resetMemoryDataView": (sp) => {
                sp >>>= 0;
                this.mem = new DataView(this._inst.exports.mem.buffer);
              },
              // func nanotime1() int64
              "runtime.nanotime1": (sp) => {
                sp >>>= 0;
                setInt64(sp + 8, (timeOrigin + performance.now()) * 1e6);
              },
              // func walltime() (sec int64, nsec int32)
              "runtime.walltime": (sp) => {
                sp >>>= 0;
                const msec = (/* @__PURE__ */ new Date()).getTime();
                setInt64(sp + 8, msec / 1e3);
                this.mem.setInt32(sp + 16, msec % 1e3 * 1e6, true);
              },
              // func scheduleTimeoutEvent(delay int64) int32
              "runtime.scheduleTimeoutEvent": (sp) => {
                sp >>>= 0;
                const id = this._nextCallbackTimeoutID;
                this._nextCallbackTimeoutID++;
                this._scheduledTimeouts.set(id, setTimeout(
                  () => {
                    this._resume();
                    while (this._scheduledTimeouts.has(id)) {
                      console.warn("scheduleTimeoutEvent: missed timeout event");
                      this._resume();
                    }
                  },
                  getInt64(sp + 8) + 1
                  // setTimeout has been seen to fire up to 1 millisecond early
                ));
                this.mem.setInt32(sp + 16, id, true);
              },
              // func clearTimeoutEvent(id int32)
              "runtime.clearTimeoutEvent": (sp) => {
                sp >>>= 0;
                const id = this.mem.getInt32(sp + 8, true);
                clearTimeout(this._scheduledTimeouts.get(id));
                this._scheduledTimeouts.delete(id);
              },
              // func getRandomData(r []byte)
              "runtime.getRandomData": (sp) => {
                sp >>>= 0;
                crypto.getRandomValues(loadSlice(sp + 8));
              },
              // func finalizeRef(v ref)
              "syscall/js.finalizeRef": (sp) => {
                sp >>>= 0;
                const id = this.mem.getUint32(sp + 8, true);
                this._goRefCounts[id]--;
                if (this._goRefCounts[id] === 0) {
                  const v = this._values[id];
                  this._values[id] = null;
                  this._ids.delete(v);
                  this._idPool.push(id);
                }
              },
              // func stringVal(value string) ref
              "syscall/js.stringVal": (sp) => {
                sp >>>= 0;
                storeValue(sp + 24, loadString(sp + 8));
              },
              // func valueGet(v ref, p string) ref
              "syscall/js.valueGet": (sp) => {
                sp >>>= 0;
                const result = Reflect.get(loadValue(sp + 8), loadString(sp + 16));
                sp = this._inst.exports.getsp() >>> 0;
                storeValue(sp + 32, result);
              },
              // func valueSet(v ref, p string, x ref)
              "syscall/js.valueSet": (sp) => {
                sp >>>= 0;
                Reflect.set(loadValue(sp + 8), loadString(sp + 16), loadValue(sp + 32));
              },
              // func valueDelete(v ref, p string)
              "syscall/js.valueDelete": (sp) => {
                sp >>>= 0;
                Reflect.deleteProperty(loadValue(sp + 8), loadString(sp + 16));
              },
              // func valueIndex(v ref, i int) ref
              "syscall/js.valueIndex": (sp) => {
                sp >>>= 0;
                storeValue(sp + 24, Reflect.get(loadValue(sp + 8), getInt64(sp + 16)));
              },
              // valueSetIndex(v ref, i int, x ref)
              "syscall/js.valueSetIndex": (sp) => {
                sp >>>= 0;
                Reflect.set(loadValue(sp + 8), getInt64(sp + 16), loadValue(sp + 24));
              },
              // func valueCall(v ref, m string, args []ref) (ref, bool)
              "syscall/js.valueCall": (sp) => {
                sp >>>= 0;
                try {
                  const v = loadValue(sp + 8);
                  const m = Reflect.get(v, loadString(sp + 16));
                  const args = loadSliceOfValues(sp + 32);
                  const result = Reflect.apply(m, v, args);
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 56, result);
                  this.mem.setUint8(sp + 64, 1);
                } catch (err) {
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 56, err);
                  this.mem.setUint8(sp + 64, 0);
                }
              },
              // func valueInvoke(v ref, args []ref) (ref, bool)
              "syscall/js.valueInvoke": (sp) => {
                sp >>>= 0;
                try {
                  const v = loadValue(sp + 8);
                  const args = loadSliceOfValues(sp + 16);
                  const result = Reflect.apply(v, void 0, args);
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 40, result);
                  this.mem.setUint8(sp + 48, 1);
                } catch (err) {
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 40, err);
                  this.mem.setUint8(sp + 48, 0);
                }
              },
              // func valueNew(v ref, args []ref) (ref, bool)
              "syscall/js.valueNew": (sp) => {
                sp >>>= 0;
                try {
                  const v = loadValue(sp + 8);
                  const args = loadSliceOfValues(sp + 16);
                  const result = Reflect.construct(v, args);
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 40, result);
                  this.mem.setUint8(sp + 48, 1);
                } catch (err) {
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 40, err);
                  this.mem.setUint8(sp + 48, 0);
                }
              },
              // func valueLength(v ref) int
              "syscall/js.valueLength": (sp) => {
                sp >>>= 0;
                setInt64(sp + 16, parseInt(loadValue(sp + 8).length));
              },
              // valuePrepareString(v ref) (ref, int)
              "syscall/js.valuePrepareString": (sp) => {
                sp >>>= 0;
                const str4 = encoder.encode(String(loadValue(sp + 8)));
                storeValue(sp + 16, str4);
                setInt64(sp + 24, str4.length);
              },
              // valueLoadString(v ref, b []byte)
              "syscall/js.valueLoadString": (sp) => {
                sp >>>= 0;
                const str4 = loadValue(sp + 8);
                loadSlice(sp + 16).set(str4);
              },
              // func valueInstanceOf(v ref, t ref) bool
              "syscall/js.valueInstanceOf": (sp) => {
                sp >>>= 0;
                this.mem.setUint8(sp + 24, loadValue(sp + 8) instanceof loadValue(sp + 16) ? 1 : 0);
              },
              // func copyBytesToGo(dst []byte, src ref) (int, bool)
              "syscall/js.copyBytesToGo": (sp) => {
                sp >>>= 0;
                const dst = loadSlice(sp + 8);
                const src = loadValue(sp + 32);
                if (!(src instanceof Uint8Array || src instanceof Uint8ClampedArray)) {
                  this.mem.setUint8(sp + 48, 0);
                  return;
                }
                const toCopy = src.subarray(0, dst.length);
                dst.set(toCopy);
                setInt64(sp + 40, toCopy.length);
                this.mem.setUint8(sp + 48, 1);
              },
              // func copyBytesToJS(dst ref, src []byte) (int, bool)
              "syscall/js.copyBytesToJS": (sp) => {
                sp >>>= 0;
                const dst = loadValue(sp + 8);
                const src = loadSlice(sp + 16);
                if (!(dst instanceof Uint8Array || dst instanceof Uint8ClampedArray)) {
                  this.mem.setUint8(sp + 48, 0);
                  return;
                }
                const toCopy = src.subarray(0, dst.length);
                dst.set(toCopy);
                setInt64(sp + 40, toCopy.length);
                this.mem.setUint8(sp + 48, 1);
              },
              "debug": (value) => {
                console.log(value);
              }
            }
          };
        }
        async run(instance) {
          if (!(instance instanceof WebAssembly.Instance)) {
            throw new Error("Go.run: WebAssembly.Instance expected");
          }
          this._inst = instance;
          this.mem = new DataView(this._inst.exports.mem.buffer);
          this._values = [
            // JS values that Go currently has references to, indexed by reference id
            NaN,
            0,
            null,
            true,
            false,
            globalThis,
            this
          ];
          this._goRefCounts = new Array(this._values.length).fill(Infinity);
          this._ids = /* @__PURE__ */ new Map([
            // mapping from JS values to reference ids
            [0, 1],
            [null, 2],
            [true, 3],
            [false, 4],
            [globalThis, 5],
            [this, 6]
          ]);
          this._idPool = [];
          this.exited = false;
          let offset = 4096;
          const strPtr = (str4) => {
            const ptr = offset;
            const bytes = encoder.encode(str4 + "\0");
            new Uint8Array(this.mem.buffer, offset, bytes.length).set(bytes);
            offset += bytes.length;
            if (offset % 8 !== 0) {
              offset += 8 - offset % 8;
            }
            return ptr;
          };
          const argc = this.argv.length;
          const argvPtrs = [];
          this.argv.forEach((arg) => {
            argvPtrs.push(strPtr(arg));
          });
          argvPtrs.push(0);
          const keys = Object.keys(this.env).sort();
          keys.forEach((key) => {
            argvPtrs.push(strPtr(`${key}=${this.env[key]}`));
          });
          argvPtrs.push(0);
          const argv = offset;
          argvPtrs.forEach((ptr) => {
            this.mem.setUint32(offset, ptr, true);
            this.mem.setUint32(offset + 4, 0, true);
            offset += 8;
          });
          const wasmMinDataAddr = 4096 + 8192;
          if (offset >= wasmMinDataAddr) {
            throw new Error("total length of command line and environment variables exceeds limit");
          }
          this._inst.exports.run(argc, argv);
          if (this.exited) {
            this._resolveExitPromise();
          }
          await this._exitPromise;
        }
        _resume() {
          if (this.exited) {
            throw new Error("Go program has already exited");
          }
          this._inst.exports.resume();
          if (this.exited) {
            this._resolveExitPromise();
          }
        }
        _makeFuncWrapper(id) {
          const go = this;
          return function() {
            const event = { id, this: this, args: arguments };
            go._pendingEvent = event;
            go._resume();
            return event.result;
          };
        }
      };
    })();
  }
});

// node_modules/@cdktf/hcl2json/wasm/bridge_wasm_exec.js
var require_bridge_wasm_exec = __commonJS({
  "node_modules/@cdktf/hcl2json/wasm/bridge_wasm_exec.js"() {
    "use strict";
    globalThis.require = require;
    globalThis.fs = require("fs");
    globalThis.TextEncoder = require("util").TextEncoder;
    globalThis.TextDecoder = require("util").TextDecoder;
    globalThis.performance ??= require("performance");
    if (!globalThis.crypto) {
      const crypto2 = require("crypto");
      globalThis.crypto = {
        getRandomValues(b) {
          return crypto2.randomFillSync(b);
        }
      };
    }
    require_wasm_exec();
  }
});

// node_modules/@cdktf/hcl2json/lib/bridge.js
var require_bridge = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/bridge.js"(exports2) {
    "use strict";
    var __createBinding = exports2 && exports2.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports2 && exports2.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports2 && exports2.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.getExpressionAst = exports2.getReferencesInExpression = exports2.convertFiles = exports2.parse = void 0;
    var fs2 = __importStar(require_lib());
    var path_1 = require("path");
    var deepmerge_1 = require_deepmerge();
    var zlib_1 = require("zlib");
    var references_1 = require_references();
    var util_1 = require_util();
    var jsRoot = {};
    function sleep() {
      return new Promise((resolve2) => {
        setTimeout(resolve2, 0);
      });
    }
    function goBridge(getBytes) {
      let ready = false;
      async function init() {
        await Promise.resolve().then(() => __importStar(require_bridge_wasm_exec()));
        const go = new global.Go();
        const bytes = await getBytes;
        const result = await WebAssembly.instantiate(bytes, go.importObject);
        global.__parse_terraform_config_wasm__ = jsRoot;
        void go.run(result.instance);
        ready = true;
      }
      init().catch((error) => {
        throw error;
      });
      const proxy = new Proxy({}, {
        get: (_, key) => {
          return async (...args) => {
            while (!ready) {
              await sleep();
            }
            if (!(key in jsRoot)) {
              throw new Error(`There is nothing defined with the name "${key.toString()}"`);
            }
            if (typeof jsRoot[key] !== "function") {
              return jsRoot[key];
            }
            return new Promise((resolve2, reject) => {
              const cb = (err, ...msg) => (
                // eslint-disable-next-line @typescript-eslint/ban-ts-comment
                // @ts-ignore
                err ? reject(new Error(err)) : resolve2(...msg)
              );
              const run2 = () => {
                jsRoot[key].apply(void 0, [...args, cb]);
              };
              run2();
            });
          };
        }
      });
      return proxy;
    }
    var loadWasm = async () => {
      return (0, zlib_1.gunzipSync)(await fs2.readFile((0, path_1.join)(__dirname, "hcl2json.wasm.gz")));
    };
    var wasm = goBridge(loadWasm());
    async function parse3(filename, contents) {
      const res = await wasm.parse(filename, contents);
      return JSON.parse(res);
    }
    exports2.parse = parse3;
    async function convertFiles(workingDirectory) {
      let tfFileContents = "";
      const tfJSONFileContents = [];
      for (const file of fs2.readdirSync(workingDirectory)) {
        const filePath = (0, path_1.resolve)(workingDirectory, file);
        if (!fs2.lstatSync(filePath).isDirectory()) {
          if (file.match(/\.tf$/)) {
            tfFileContents += fs2.readFileSync(filePath, "utf-8");
            tfFileContents += "\n";
          } else if (file.match(/\.tf\.json$/)) {
            tfJSONFileContents.push(JSON.parse(fs2.readFileSync(filePath, "utf-8")));
          }
        }
      }
      if (tfFileContents === "" && tfJSONFileContents.length === 0) {
        console.error(`No '.tf' or '.tf.json' files found in ${workingDirectory}`);
        return {};
      }
      return (0, deepmerge_1.deepMerge)(await parse3("hcl2json.tf", tfFileContents), ...tfJSONFileContents);
    }
    exports2.convertFiles = convertFiles;
    async function getReferencesInExpression(filename, expression) {
      let offset = 0;
      let quoteWrappedExpression = expression;
      if (!expression.startsWith('"')) {
        quoteWrappedExpression = `"${expression}"`;
        offset = 1;
      }
      const { wrap: wrappedExpression, wrapOffset: startOffset } = (0, util_1.wrapTerraformExpression)(`${quoteWrappedExpression}`);
      offset += startOffset;
      const ast = await getExpressionAst(filename, wrappedExpression);
      if (!ast) {
        return [];
      }
      const refs = (0, references_1.findAllReferencesInAst)(expression, ast);
      if (wrappedExpression === expression) {
        return refs;
      }
      return refs.map((ref) => {
        return {
          ...ref,
          startPosition: ref.startPosition - offset,
          endPosition: ref.endPosition - offset
        };
      });
    }
    exports2.getReferencesInExpression = getReferencesInExpression;
    async function getExpressionAst(filename, expression) {
      const res = await wasm.getExpressionAst(filename, expression);
      const ast = JSON.parse(res);
      if (!ast) {
        return null;
      }
      return ast;
    }
    exports2.getExpressionAst = getExpressionAst;
  }
});

// node_modules/@cdktf/hcl2json/lib/index.js
var require_lib2 = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/index.js"(exports2) {
    "use strict";
    var __createBinding = exports2 && exports2.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports2 && exports2.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports2 && exports2.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.TFExpressionSyntaxTree = exports2.wrapTerraformExpression = exports2.getExpressionAst = exports2.getReferencesInExpression = exports2.convertFiles = exports2.parse = void 0;
    var bridge_1 = require_bridge();
    Object.defineProperty(exports2, "parse", { enumerable: true, get: function() {
      return bridge_1.parse;
    } });
    Object.defineProperty(exports2, "convertFiles", { enumerable: true, get: function() {
      return bridge_1.convertFiles;
    } });
    Object.defineProperty(exports2, "getReferencesInExpression", { enumerable: true, get: function() {
      return bridge_1.getReferencesInExpression;
    } });
    Object.defineProperty(exports2, "getExpressionAst", { enumerable: true, get: function() {
      return bridge_1.getExpressionAst;
    } });
    var util_1 = require_util();
    Object.defineProperty(exports2, "wrapTerraformExpression", { enumerable: true, get: function() {
      return util_1.wrapTerraformExpression;
    } });
    exports2.TFExpressionSyntaxTree = __importStar(require_syntax_tree());
  }
});

// src/action/main.ts
var import_node_fs3 = require("node:fs");

// node_modules/@octokit/plugin-retry/dist-bundle/index.js
var import_light = __toESM(require_light(), 1);

// node_modules/@octokit/request-error/dist-src/index.js
var RequestError = class extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message, statusCode, options) {
    super(message, { cause: options.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    if ("response" in options) {
      this.response = options.response;
    }
    const requestCopy = Object.assign({}, options.request);
    if (options.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options.request.headers, {
        authorization: options.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
};

// node_modules/@octokit/plugin-retry/dist-bundle/index.js
var VERSION = "0.0.0-development";
function isRequestError(error) {
  return error.request !== void 0;
}
async function errorRequest(state, octokit, error, options) {
  if (!isRequestError(error) || !error?.request.request) {
    throw error;
  }
  if (error.status >= 400 && !state.doNotRetry.includes(error.status)) {
    const retries = options.request.retries != null ? options.request.retries : state.retries;
    const retryAfter = Math.pow((options.request.retryCount || 0) + 1, 2);
    throw octokit.retry.retryRequest(error, retries, retryAfter);
  }
  throw error;
}
async function wrapRequest(state, octokit, request2, options) {
  const limiter = new import_light.default();
  limiter.on("failed", function(error, info) {
    const maxRetries = ~~error.request.request?.retries;
    const after = ~~error.request.request?.retryAfter;
    options.request.retryCount = info.retryCount + 1;
    if (maxRetries > info.retryCount) {
      return after * state.retryAfterBaseValue;
    }
  });
  return limiter.schedule(
    requestWithGraphqlErrorHandling.bind(null, state, octokit, request2),
    options
  );
}
async function requestWithGraphqlErrorHandling(state, octokit, request2, options) {
  const response = await request2(options);
  if (response.data && response.data.errors && response.data.errors.length > 0 && /Something went wrong while executing your query/.test(
    response.data.errors[0].message
  )) {
    const error = new RequestError(response.data.errors[0].message, 500, {
      request: options,
      response
    });
    return errorRequest(state, octokit, error, options);
  }
  return response;
}
function retry(octokit, octokitOptions) {
  const state = Object.assign(
    {
      enabled: true,
      retryAfterBaseValue: 1e3,
      doNotRetry: [400, 401, 403, 404, 410, 422, 451],
      retries: 3
    },
    octokitOptions.retry
  );
  const retryPlugin = {
    retry: {
      retryRequest: (error, retries, retryAfter) => {
        error.request.request = Object.assign({}, error.request.request, {
          retries,
          retryAfter
        });
        return error;
      }
    }
  };
  if (state.enabled) {
    octokit.hook.error("request", errorRequest.bind(null, state, retryPlugin));
    octokit.hook.wrap("request", wrapRequest.bind(null, state, retryPlugin));
  }
  return retryPlugin;
}
retry.VERSION = VERSION;

// node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var import_light2 = __toESM(require_light(), 1);
var VERSION2 = "0.0.0-development";
var noop = () => Promise.resolve();
function wrapRequest2(state, request2, options) {
  return state.retryLimiter.schedule(doRequest, state, request2, options);
}
async function doRequest(state, request2, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request2.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request2, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck3, common) {
  groups.global = new Bottleneck3.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck3.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck3.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck3.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck3.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck: Bottleneck3 = import_light2.default,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck3, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck3();
    const events = {};
    const emitter = new Bottleneck3.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request2, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request2.retryCount;
      request2.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request2.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request2, options) => {
    initializeBottleneck();
    return wrapRequest2(state, request2, options);
  });
  return {};
}
throttling.VERSION = VERSION2;
throttling.triggersNotification = triggersNotification;

// node_modules/universal-user-agent/index.js
function getUserAgent() {
  if (typeof navigator === "object" && "userAgent" in navigator) {
    return navigator.userAgent;
  }
  if (typeof process === "object" && process.version !== void 0) {
    return `Node.js/${process.version.substr(1)} (${process.platform}; ${process.arch})`;
  }
  return "<environment undetectable>";
}

// node_modules/before-after-hook/lib/register.js
function register(state, name, method, options) {
  if (typeof method !== "function") {
    throw new Error("method for before hook must be a function");
  }
  if (!options) {
    options = {};
  }
  if (Array.isArray(name)) {
    return name.reverse().reduce((callback, name2) => {
      return register.bind(null, state, name2, callback, options);
    }, method)();
  }
  return Promise.resolve().then(() => {
    if (!state.registry[name]) {
      return method(options);
    }
    return state.registry[name].reduce((method2, registered) => {
      return registered.hook.bind(null, method2, options);
    }, method)();
  });
}

// node_modules/before-after-hook/lib/add.js
function addHook(state, kind, name, hook2) {
  const orig = hook2;
  if (!state.registry[name]) {
    state.registry[name] = [];
  }
  if (kind === "before") {
    hook2 = (method, options) => {
      return Promise.resolve().then(orig.bind(null, options)).then(method.bind(null, options));
    };
  }
  if (kind === "after") {
    hook2 = (method, options) => {
      let result;
      return Promise.resolve().then(method.bind(null, options)).then((result_) => {
        result = result_;
        return orig(result, options);
      }).then(() => {
        return result;
      });
    };
  }
  if (kind === "error") {
    hook2 = (method, options) => {
      return Promise.resolve().then(method.bind(null, options)).catch((error) => {
        return orig(error, options);
      });
    };
  }
  state.registry[name].push({
    hook: hook2,
    orig
  });
}

// node_modules/before-after-hook/lib/remove.js
function removeHook(state, name, method) {
  if (!state.registry[name]) {
    return;
  }
  const index2 = state.registry[name].map((registered) => {
    return registered.orig;
  }).indexOf(method);
  if (index2 === -1) {
    return;
  }
  state.registry[name].splice(index2, 1);
}

// node_modules/before-after-hook/index.js
var bind = Function.bind;
var bindable = bind.bind(bind);
function bindApi(hook2, state, name) {
  const removeHookRef = bindable(removeHook, null).apply(
    null,
    name ? [state, name] : [state]
  );
  hook2.api = { remove: removeHookRef };
  hook2.remove = removeHookRef;
  ["before", "error", "after", "wrap"].forEach((kind) => {
    const args = name ? [state, kind, name] : [state, kind];
    hook2[kind] = hook2.api[kind] = bindable(addHook, null).apply(null, args);
  });
}
function Singular() {
  const singularHookName = /* @__PURE__ */ Symbol("Singular");
  const singularHookState = {
    registry: {}
  };
  const singularHook = register.bind(null, singularHookState, singularHookName);
  bindApi(singularHook, singularHookState, singularHookName);
  return singularHook;
}
function Collection() {
  const state = {
    registry: {}
  };
  const hook2 = register.bind(null, state);
  bindApi(hook2, state);
  return hook2;
}
var before_after_hook_default = { Singular, Collection };

// node_modules/@octokit/endpoint/dist-bundle/index.js
var VERSION3 = "0.0.0-development";
var userAgent = `octokit-endpoint.js/${VERSION3} ${getUserAgent()}`;
var DEFAULTS = {
  method: "GET",
  baseUrl: "https://api.github.com",
  headers: {
    accept: "application/vnd.github.v3+json",
    "user-agent": userAgent
  },
  mediaType: {
    format: ""
  }
};
function lowercaseKeys(object) {
  if (!object) {
    return {};
  }
  return Object.keys(object).reduce((newObj, key) => {
    newObj[key.toLowerCase()] = object[key];
    return newObj;
  }, {});
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
function mergeDeep(defaults, options) {
  const result = Object.assign({}, defaults);
  Object.keys(options).forEach((key) => {
    if (isPlainObject(options[key])) {
      if (!(key in defaults)) Object.assign(result, { [key]: options[key] });
      else result[key] = mergeDeep(defaults[key], options[key]);
    } else {
      Object.assign(result, { [key]: options[key] });
    }
  });
  return result;
}
function removeUndefinedProperties(obj) {
  for (const key in obj) {
    if (obj[key] === void 0) {
      delete obj[key];
    }
  }
  return obj;
}
function merge(defaults, route, options) {
  if (typeof route === "string") {
    let [method, url] = route.split(" ");
    options = Object.assign(url ? { method, url } : { url: method }, options);
  } else {
    options = Object.assign({}, route);
  }
  options.headers = lowercaseKeys(options.headers);
  removeUndefinedProperties(options);
  removeUndefinedProperties(options.headers);
  const mergedOptions = mergeDeep(defaults || {}, options);
  if (options.url === "/graphql") {
    if (defaults && defaults.mediaType.previews?.length) {
      mergedOptions.mediaType.previews = defaults.mediaType.previews.filter(
        (preview) => !mergedOptions.mediaType.previews.includes(preview)
      ).concat(mergedOptions.mediaType.previews);
    }
    mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""));
  }
  return mergedOptions;
}
function addQueryParameters(url, parameters) {
  const separator = /\?/.test(url) ? "&" : "?";
  const names2 = Object.keys(parameters);
  if (names2.length === 0) {
    return url;
  }
  return url + separator + names2.map((name) => {
    if (name === "q") {
      return "q=" + parameters.q.split("+").map(encodeURIComponent).join("+");
    }
    return `${name}=${encodeURIComponent(parameters[name])}`;
  }).join("&");
}
var urlVariableRegex = /\{[^{}}]+\}/g;
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url) {
  const matches2 = url.match(urlVariableRegex);
  if (!matches2) {
    return [];
  }
  return matches2.map(removeNonChars).reduce((a, b) => a.concat(b), []);
}
function omit(object, keysToOmit) {
  const result = { __proto__: null };
  for (const key of Object.keys(object)) {
    if (keysToOmit.indexOf(key) === -1) {
      result[key] = object[key];
    }
  }
  return result;
}
function encodeReserved(str4) {
  return str4.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    if (!/%[0-9A-Fa-f]/.test(part)) {
      part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
    }
    return part;
  }).join("");
}
function encodeUnreserved(str4) {
  return encodeURIComponent(str4).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value);
  if (key) {
    return encodeUnreserved(key) + "=" + value;
  } else {
    return value;
  }
}
function isDefined(value) {
  return value !== void 0 && value !== null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context, operator, key, modifier) {
  var value = context[key], result = [];
  if (isDefined(value) && value !== "") {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      value = value.toString();
      if (modifier && modifier !== "*") {
        value = value.substring(0, parseInt(modifier, 10));
      }
      result.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    } else {
      if (modifier === "*") {
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            result.push(
              encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
            );
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              result.push(encodeValue(operator, value[k], k));
            }
          });
        }
      } else {
        const tmp = [];
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            tmp.push(encodeValue(operator, value2));
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              tmp.push(encodeUnreserved(k));
              tmp.push(encodeValue(operator, value[k].toString()));
            }
          });
        }
        if (isKeyOperator(operator)) {
          result.push(encodeUnreserved(key) + "=" + tmp.join(","));
        } else if (tmp.length !== 0) {
          result.push(tmp.join(","));
        }
      }
    }
  } else {
    if (operator === ";") {
      if (isDefined(value)) {
        result.push(encodeUnreserved(key));
      }
    } else if (value === "" && (operator === "&" || operator === "?")) {
      result.push(encodeUnreserved(key) + "=");
    } else if (value === "") {
      result.push("");
    }
  }
  return result;
}
function parseUrl(template) {
  return {
    expand: expand.bind(null, template)
  };
}
function expand(template, context) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_, expression, literal2) {
      if (expression) {
        let operator = "";
        const values2 = [];
        if (operators.indexOf(expression.charAt(0)) !== -1) {
          operator = expression.charAt(0);
          expression = expression.substr(1);
        }
        expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values2.push(getValues(context, operator, tmp[1], tmp[2] || tmp[3]));
        });
        if (operator && operator !== "+") {
          var separator = ",";
          if (operator === "?") {
            separator = "&";
          } else if (operator !== "#") {
            separator = operator;
          }
          return (values2.length !== 0 ? operator : "") + values2.join(separator);
        } else {
          return values2.join(",");
        }
      } else {
        return encodeReserved(literal2);
      }
    }
  );
  if (template === "/") {
    return template;
  } else {
    return template.replace(/\/$/, "");
  }
}
function parse(options) {
  let method = options.method.toUpperCase();
  let url = (options.url || "/").replace(/:([a-z]\w+)/g, "{$1}");
  let headers = Object.assign({}, options.headers);
  let body;
  let parameters = omit(options, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]);
  const urlVariableNames = extractUrlVariableNames(url);
  url = parseUrl(url).expand(parameters);
  if (!/^http/.test(url)) {
    url = options.baseUrl + url;
  }
  const omittedParameters = Object.keys(options).filter((option) => urlVariableNames.includes(option)).concat("baseUrl");
  const remainingParameters = omit(parameters, omittedParameters);
  const isBinaryRequest = /application\/octet-stream/i.test(headers.accept);
  if (!isBinaryRequest) {
    if (options.mediaType.format) {
      headers.accept = headers.accept.split(/,/).map(
        (format2) => format2.replace(
          /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
          `application/vnd$1$2.${options.mediaType.format}`
        )
      ).join(",");
    }
    if (url.endsWith("/graphql")) {
      if (options.mediaType.previews?.length) {
        const previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
        headers.accept = previewsFromAcceptHeader.concat(options.mediaType.previews).map((preview) => {
          const format2 = options.mediaType.format ? `.${options.mediaType.format}` : "+json";
          return `application/vnd.github.${preview}-preview${format2}`;
        }).join(",");
      }
    }
  }
  if (["GET", "HEAD"].includes(method)) {
    url = addQueryParameters(url, remainingParameters);
  } else {
    if ("data" in remainingParameters) {
      body = remainingParameters.data;
    } else {
      if (Object.keys(remainingParameters).length) {
        body = remainingParameters;
      }
    }
  }
  if (!headers["content-type"] && typeof body !== "undefined") {
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (["PATCH", "PUT"].includes(method) && typeof body === "undefined") {
    body = "";
  }
  return Object.assign(
    { method, url, headers },
    typeof body !== "undefined" ? { body } : null,
    options.request ? { request: options.request } : null
  );
}
function endpointWithDefaults(defaults, route, options) {
  return parse(merge(defaults, route, options));
}
function withDefaults(oldDefaults, newDefaults) {
  const DEFAULTS22 = merge(oldDefaults, newDefaults);
  const endpoint2 = endpointWithDefaults.bind(null, DEFAULTS22);
  return Object.assign(endpoint2, {
    DEFAULTS: DEFAULTS22,
    defaults: withDefaults.bind(null, DEFAULTS22),
    merge: merge.bind(null, DEFAULTS22),
    parse
  });
}
var endpoint = withDefaults(null, DEFAULTS);

// node_modules/content-type/dist/index.js
var SP = 32;
var HTAB = 9;
var SEMI = 59;
var EQ = 61;
var DQUOTE = 34;
var BSLASH = 92;
var COMMA = 44;
var LOWER_CASE = 1;
var OWS = 2;
var SEMI_FLAG = 4;
var COMMA_FLAG = 8;
var TOKEN_FLAG = 16;
var NON_ASCII = 65280;
var CASE_FLAGS = LOWER_CASE | NON_ASCII;
var CHAR_MAP = new Uint8Array(256);
CHAR_MAP[HTAB] |= OWS;
CHAR_MAP[SP] |= OWS;
CHAR_MAP[SEMI] |= SEMI_FLAG;
CHAR_MAP[COMMA] |= COMMA_FLAG;
for (let code2 = 128; code2 <= 255; code2++) {
  CHAR_MAP[code2] |= LOWER_CASE;
}
for (const char of "!#$%&'*+-.^_`|~") {
  CHAR_MAP[char.charCodeAt(0)] |= TOKEN_FLAG;
}
for (let code2 = 48; code2 <= 57; code2++) {
  CHAR_MAP[code2] |= TOKEN_FLAG;
}
for (let code2 = 65; code2 <= 90; code2++) {
  CHAR_MAP[code2] |= LOWER_CASE | TOKEN_FLAG;
}
for (let code2 = 97; code2 <= 122; code2++) {
  CHAR_MAP[code2] |= TOKEN_FLAG;
}
var NullObject = /* @__PURE__ */ (() => {
  const C = function() {
  };
  C.prototype = /* @__PURE__ */ Object.create(null);
  return C;
})();
function parse2(header, options) {
  const stopFlags = SEMI_FLAG | (options?.comma === true ? COMMA_FLAG : 0);
  const len = header.length;
  let valueStart = options?.start ?? 0;
  while ((CHAR_MAP[header.charCodeAt(valueStart)] & OWS) !== 0) {
    valueStart++;
  }
  let index2 = valueStart;
  let typeFlags = 0;
  let whitespace = -1;
  let stop = options?.parameters === false ? COMMA_FLAG : 0;
  while (index2 < len) {
    const code2 = header.charCodeAt(index2);
    const flags = CHAR_MAP[code2];
    if ((flags & stopFlags) !== 0) {
      stop |= flags & COMMA_FLAG;
      break;
    }
    if ((flags & OWS) !== 0) {
      if (whitespace === -1)
        whitespace = index2;
    } else {
      whitespace = -1;
    }
    typeFlags |= code2 & NON_ASCII | flags;
    index2++;
  }
  const valueEnd = whitespace === -1 ? index2 : whitespace;
  const value = header.slice(valueStart, valueEnd);
  const type = (typeFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
  if (index2 === len || stop !== 0) {
    return { type, index: index2, parameters: new NullObject() };
  }
  return parseParameters(header, type, index2, len, stopFlags);
}
function parseParameters(header, type, index2, len, stopFlags) {
  const parameters = new NullObject();
  parameter: while (index2 < len) {
    index2++;
    while ((CHAR_MAP[header.charCodeAt(index2)] & OWS) !== 0) {
      index2++;
    }
    const keyStart = index2;
    let keyFlags = 0;
    let keyWhitespace = -1;
    while (index2 < len) {
      const code2 = header.charCodeAt(index2);
      const flags = CHAR_MAP[code2];
      if ((flags & stopFlags) !== 0) {
        if ((flags & COMMA_FLAG) !== 0)
          break parameter;
        continue parameter;
      }
      if (code2 === EQ) {
        const keyEnd = keyWhitespace === -1 ? index2 : keyWhitespace;
        const value = header.slice(keyStart, keyEnd);
        const key = (keyFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
        index2++;
        while ((CHAR_MAP[header.charCodeAt(index2)] & OWS) !== 0) {
          index2++;
        }
        if (index2 < len && header.charCodeAt(index2) === DQUOTE) {
          const quotedStart = ++index2;
          let escaped = false;
          while (index2 < len) {
            const code3 = header.charCodeAt(index2);
            if (code3 === DQUOTE) {
              if (parameters[key] === void 0) {
                parameters[key] = escaped ? unescapeQuotedPairs(header, quotedStart, index2) : header.slice(quotedStart, index2);
              }
              index2++;
              let stop2 = 0;
              while (index2 < len) {
                const code4 = header.charCodeAt(index2);
                const flags2 = CHAR_MAP[code4];
                if ((flags2 & stopFlags) !== 0) {
                  stop2 = flags2 & COMMA_FLAG;
                  break;
                }
                index2++;
              }
              if (stop2 !== 0)
                break parameter;
              continue parameter;
            }
            if (code3 === BSLASH && index2 + 1 < len) {
              escaped = true;
              index2 += 2;
              continue;
            }
            index2++;
          }
          continue parameter;
        }
        const valueStart = index2;
        let stop = 0;
        let valueWhitespace = -1;
        while (index2 < len) {
          const code3 = header.charCodeAt(index2);
          const flags2 = CHAR_MAP[code3];
          if ((flags2 & stopFlags) !== 0) {
            stop = flags2 & COMMA_FLAG;
            break;
          }
          if ((flags2 & OWS) !== 0) {
            if (valueWhitespace === -1)
              valueWhitespace = index2;
          } else {
            valueWhitespace = -1;
          }
          index2++;
        }
        if (parameters[key] === void 0) {
          const valueEnd = valueWhitespace === -1 ? index2 : valueWhitespace;
          parameters[key] = header.slice(valueStart, valueEnd);
        }
        if (stop !== 0)
          break parameter;
        continue parameter;
      }
      if ((flags & OWS) !== 0) {
        if (keyWhitespace === -1)
          keyWhitespace = index2;
      } else {
        keyWhitespace = -1;
      }
      keyFlags |= code2 & NON_ASCII | flags;
      index2++;
    }
  }
  return { type, index: index2, parameters };
}
function unescapeQuotedPairs(str4, start, end) {
  let result = "";
  for (let index2 = start; index2 < end; index2++) {
    if (str4.charCodeAt(index2) === BSLASH) {
      result += str4.slice(start, index2);
      start = ++index2;
    }
  }
  return result + str4.slice(start, end);
}

// node_modules/json-with-bigint/json-with-bigint.js
var intRegex = /^-?\d+$/;
var noiseValue = /^-?\d+n+$/;
var originalStringify = JSON.stringify;
var originalParse = JSON.parse;
var customFormat = /^-?\d+n$/;
var bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g;
var noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g;
var isUnstringifiable = (val) => val === void 0 || typeof val === "function" || typeof val === "symbol";
var isRawJSON = (val) => val !== null && typeof val === "object" && val.constructor && val.constructor.name === "RawJSON";
var stringifyIteratively = (rootValue, replacer, spaceParam) => {
  let space = "";
  if (typeof spaceParam === "number") {
    space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam))));
  } else if (typeof spaceParam === "string") {
    space = spaceParam.slice(0, 10);
  }
  const isFunctionReplacer = typeof replacer === "function";
  const propertyList = Array.isArray(replacer) ? new Set(replacer.map(String)) : null;
  const prepareVal = (parent, key, val) => {
    const isObject2 = val !== null && typeof val === "object";
    const hasToJSON = isObject2 && typeof val.toJSON === "function";
    if (hasToJSON) {
      val = val.toJSON(key);
    }
    const isNoise = typeof val === "string" && noiseValue.test(val);
    if (isNoise) return val + "n";
    const isBigInt = typeof val === "bigint";
    if (isBigInt) {
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return JSON.rawJSON(val.toString());
      return val.toString() + "n";
    }
    if (isFunctionReplacer) {
      val = replacer.call(parent, key, val);
    }
    const isPostReplacerObject = val !== null && typeof val === "object";
    if (isPostReplacerObject) {
      const isPrimitiveWrapper = val instanceof Number || val instanceof String || val instanceof Boolean;
      if (isPrimitiveWrapper) {
        val = val.valueOf();
      }
    }
    return val;
  };
  const rootProcessed = prepareVal({ "": rootValue }, "", rootValue);
  if (isUnstringifiable(rootProcessed)) {
    return void 0;
  }
  const isRootPrimitive = rootProcessed === null || typeof rootProcessed !== "object";
  const isRootNativeRawJSON = isRawJSON(rootProcessed);
  if (isRootPrimitive || isRootNativeRawJSON) {
    return originalStringify(rootProcessed);
  }
  const chunks = [];
  let level = 0;
  const stack = [
    {
      parent: { "": rootProcessed },
      key: "",
      val: rootProcessed,
      isArray: Array.isArray(rootProcessed),
      keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
      index: 0,
      first: true
    }
  ];
  const visited = new WeakSet([rootProcessed]);
  while (stack.length > 0) {
    const node3 = stack[stack.length - 1];
    if (node3.index === 0) {
      chunks.push(node3.isArray ? "[" : "{");
      level++;
    }
    let isDone = false;
    if (node3.isArray) {
      if (node3.index < node3.val.length) {
        if (!node3.first) chunks.push(",");
        if (space) chunks.push("\n" + space.repeat(level));
        const childRaw = node3.val[node3.index];
        const childVal = prepareVal(node3.val, String(node3.index), childRaw);
        if (isUnstringifiable(childVal)) {
          chunks.push("null");
          node3.first = false;
          node3.index++;
        } else {
          const isComplexObject = childVal !== null && typeof childVal === "object";
          const isNativeRaw = isRawJSON(childVal);
          if (isComplexObject && !isNativeRaw) {
            if (visited.has(childVal)) {
              throw new TypeError("Converting circular structure to JSON");
            }
            visited.add(childVal);
            stack.push({
              parent: node3.val,
              key: String(node3.index),
              val: childVal,
              isArray: Array.isArray(childVal),
              keys: Array.isArray(childVal) ? null : Object.keys(childVal),
              index: 0,
              first: true
            });
            node3.first = false;
            node3.index++;
          } else {
            chunks.push(originalStringify(childVal));
            node3.first = false;
            node3.index++;
          }
        }
      } else {
        isDone = true;
      }
    } else {
      while (node3.index < node3.keys.length) {
        const k = node3.keys[node3.index++];
        const isFilteredOutByArray = propertyList && !propertyList.has(k);
        if (isFilteredOutByArray) continue;
        const childRaw = node3.val[k];
        const childVal = prepareVal(node3.val, k, childRaw);
        if (isUnstringifiable(childVal)) continue;
        if (!node3.first) chunks.push(",");
        if (space) {
          chunks.push("\n" + space.repeat(level) + originalStringify(k) + ": ");
        } else {
          chunks.push(originalStringify(k) + ":");
        }
        const isComplexObject = childVal !== null && typeof childVal === "object";
        const isNativeRaw = isRawJSON(childVal);
        if (isComplexObject && !isNativeRaw) {
          if (visited.has(childVal)) {
            throw new TypeError("Converting circular structure to JSON");
          }
          visited.add(childVal);
          stack.push({
            parent: node3.val,
            key: k,
            val: childVal,
            isArray: Array.isArray(childVal),
            keys: Array.isArray(childVal) ? null : Object.keys(childVal),
            index: 0,
            first: true
          });
          node3.first = false;
          break;
        } else {
          chunks.push(originalStringify(childVal));
          node3.first = false;
        }
      }
      const isNodeFullyProcessed = node3.index >= node3.keys.length && stack[stack.length - 1] === node3;
      if (isNodeFullyProcessed) {
        isDone = true;
      }
    }
    if (isDone) {
      level--;
      if (!node3.first && space) chunks.push("\n" + space.repeat(level));
      chunks.push(node3.isArray ? "]" : "}");
      visited.delete(node3.val);
      stack.pop();
    }
  }
  return chunks.join("");
};
var JSONStringify = (value, replacer, space) => {
  try {
    const supportsRawJSON = "rawJSON" in JSON;
    if (supportsRawJSON) {
      return originalStringify(
        value,
        (key, val) => {
          if (typeof val === "bigint") return JSON.rawJSON(val.toString());
          const hasFunctionReplacer = typeof replacer === "function";
          if (hasFunctionReplacer) return replacer(key, val);
          const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
          if (isKeyInArrayReplacer) return val;
          return val;
        },
        space
      );
    }
    if (!value) return originalStringify(value, replacer, space);
    const convertedToCustomJSON = originalStringify(
      value,
      (key, val) => {
        const isNoise = typeof val === "string" && noiseValue.test(val);
        if (isNoise) return val.toString() + "n";
        if (typeof val === "bigint") return val.toString() + "n";
        const hasFunctionReplacer = typeof replacer === "function";
        if (hasFunctionReplacer) return replacer(key, val);
        const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
        if (isKeyInArrayReplacer) return val;
        return val;
      },
      space
    );
    const processedJSON = convertedToCustomJSON.replace(
      bigIntsStringify,
      "$1$2$3"
    );
    const denoisedJSON = processedJSON.replace(noiseStringify, "$1$2$3");
    return denoisedJSON;
  } catch (error) {
    if (error instanceof RangeError) {
      const convertedJSON = stringifyIteratively(value, replacer, space);
      if (convertedJSON === void 0) return void 0;
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return convertedJSON;
      const processedJSON = convertedJSON.replace(bigIntsStringify, "$1$2$3");
      return processedJSON.replace(noiseStringify, "$1$2$3");
    }
    throw error;
  }
};
var featureCache = /* @__PURE__ */ new Map();
var isContextSourceSupported = () => {
  const parseFingerprint = JSON.parse.toString();
  if (featureCache.has(parseFingerprint)) {
    return featureCache.get(parseFingerprint);
  }
  try {
    const result = JSON.parse(
      "1",
      (_, __, context) => !!context?.source && context.source === "1"
    );
    featureCache.set(parseFingerprint, result);
    return result;
  } catch {
    featureCache.set(parseFingerprint, false);
    return false;
  }
};
var convertMarkedBigIntsReviver = (key, value, context, userReviver) => {
  const isCustomFormatBigInt = typeof value === "string" && customFormat.test(value);
  if (isCustomFormatBigInt) return BigInt(value.slice(0, -1));
  const isNoiseValue = typeof value === "string" && noiseValue.test(value);
  if (isNoiseValue) return value.slice(0, -1);
  const hasUserReviver = typeof userReviver === "function";
  if (!hasUserReviver) return value;
  return userReviver(key, value, context);
};
var JSONParseV2 = (text4, reviver) => {
  return JSON.parse(text4, (key, value, context) => {
    const isNumber = typeof value === "number";
    const isOutOfBounds = value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER;
    const isBigNumber = isNumber && isOutOfBounds;
    const isInt = context && intRegex.test(context.source);
    const isBigInt = isBigNumber && isInt;
    if (isBigInt) return BigInt(context.source);
    const hasCustomReviver = typeof reviver === "function";
    if (!hasCustomReviver) return value;
    return reviver(key, value, context);
  });
};
var MAX_INT = Number.MAX_SAFE_INTEGER.toString();
var MAX_DIGITS = MAX_INT.length;
var stringsOrLargeNumbers = /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;
var noiseValueWithQuotes = /^"-?\d+n+"$/;
var applyReviverIteratively = (parsed2, userReviver) => {
  const rootHolder = { "": parsed2 };
  const stack = [{ parent: rootHolder, key: "", visited: false }];
  while (stack.length > 0) {
    const node3 = stack[stack.length - 1];
    if (!node3.visited) {
      node3.visited = true;
      const value = node3.parent[node3.key];
      const isComplexObject = value !== null && typeof value === "object";
      if (isComplexObject) {
        const keys = Object.keys(value);
        for (let i = keys.length - 1; i >= 0; i--) {
          stack.push({ parent: value, key: keys[i], visited: false });
        }
      }
    } else {
      const { parent, key } = node3;
      let value = parent[key];
      if (typeof value === "string") {
        const isCustomFormatBigInt = customFormat.test(value);
        if (isCustomFormatBigInt) {
          value = BigInt(value.slice(0, -1));
        } else {
          const isNoise = noiseValue.test(value);
          if (isNoise) value = value.slice(0, -1);
        }
      }
      const hasUserReviver = typeof userReviver === "function";
      if (hasUserReviver) {
        value = userReviver.call(parent, key, value);
      }
      const isDeleted = value === void 0;
      if (isDeleted) {
        delete parent[key];
      } else {
        parent[key] = value;
      }
      stack.pop();
    }
  }
  return rootHolder[""];
};
var serializeBigInts = (text4) => {
  return text4.replace(
    stringsOrLargeNumbers,
    (match, digits, fractional, exponential) => {
      const isString = match[0] === '"';
      const isNoise = isString && noiseValueWithQuotes.test(match);
      if (isNoise) return match.substring(0, match.length - 1) + 'n"';
      const hasFractionalOrExponential = fractional || exponential;
      const isLessThanMaxSafeInt = digits && (digits.length < MAX_DIGITS || digits.length === MAX_DIGITS && digits <= MAX_INT);
      const isStandardValue = isString || hasFractionalOrExponential || isLessThanMaxSafeInt;
      if (isStandardValue) return match;
      return '"' + match + 'n"';
    }
  );
};
var JSONParse = (text4, reviver) => {
  if (!text4) return originalParse(text4, reviver);
  try {
    if (isContextSourceSupported()) return JSONParseV2(text4, reviver);
    const serializedData = serializeBigInts(text4);
    return originalParse(
      serializedData,
      (key, value, context) => convertMarkedBigIntsReviver(key, value, context, reviver)
    );
  } catch (error) {
    if (error instanceof RangeError) {
      const serializedData = serializeBigInts(text4);
      const parsed2 = originalParse(serializedData);
      return applyReviverIteratively(parsed2, reviver);
    }
    throw error;
  }
};

// node_modules/@octokit/request/dist-bundle/index.js
var VERSION4 = "10.0.16";
var defaults_default = {
  headers: {
    "user-agent": `octokit-request.js/${VERSION4} ${getUserAgent()}`
  }
};
function isPlainObject2(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
var noop2 = () => "";
async function fetchWrapper(requestOptions) {
  const fetch = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch) {
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  }
  const log = requestOptions.request?.log || console;
  const parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== false;
  const body = isPlainObject2(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body;
  const requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name, value]) => [
      name,
      String(value)
    ])
  );
  let fetchResponse;
  try {
    fetchResponse = await fetch(requestOptions.url, {
      method: requestOptions.method,
      body,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error) {
    let message = "Unknown Error";
    if (error instanceof Error) {
      if (error.name === "AbortError") {
        error.status = 500;
        throw error;
      }
      message = error.message;
      if (error.name === "TypeError" && "cause" in error) {
        if (error.cause instanceof Error) {
          message = error.cause.message;
        } else if (typeof error.cause === "string") {
          message = error.cause;
        }
      }
    }
    const requestError = new RequestError(message, 500, {
      request: requestOptions
    });
    requestError.cause = error;
    throw requestError;
  }
  const status = fetchResponse.status;
  const url = fetchResponse.url;
  const responseHeaders = {};
  for (const [key, value] of fetchResponse.headers) {
    responseHeaders[key] = value;
  }
  const octokitResponse = {
    url,
    status,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    const matches2 = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/);
    const deprecationLink = matches2 && matches2.pop();
    log.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status === 204 || status === 205) {
    return octokitResponse;
  }
  if (requestOptions.method === "HEAD") {
    if (status < 400) {
      return octokitResponse;
    }
    throw new RequestError(fetchResponse.statusText, status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status === 304) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError("Not modified", status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status >= 400) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError(toErrorMessage(octokitResponse.data), status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body;
  return octokitResponse;
}
async function getResponseData(response) {
  const contentType = response.headers.get("content-type");
  if (!contentType) {
    return response.text().catch(noop2);
  }
  const mimetype = parse2(contentType);
  if (isJSONResponse(mimetype)) {
    let text4 = "";
    try {
      text4 = await response.text();
      return JSONParse(text4);
    } catch (err) {
      return text4;
    }
  } else if (mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream") {
    return response.text().catch(noop2);
  } else {
    return response.arrayBuffer().catch(
      /* v8 ignore next -- @preserve */
      () => new ArrayBuffer(0)
    );
  }
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data === "string") {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return "Unknown error";
  }
  if (typeof data === "object" && data !== null && "message" in data) {
    const objectData = data;
    const suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v) => JSON.stringify(v)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}
function withDefaults2(oldEndpoint, newDefaults) {
  const endpoint2 = oldEndpoint.defaults(newDefaults);
  const newApi = function(route, parameters) {
    const endpointOptions = endpoint2.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook) {
      return fetchWrapper(endpoint2.parse(endpointOptions));
    }
    const request2 = (route2, parameters2) => {
      return fetchWrapper(
        endpoint2.parse(endpoint2.merge(route2, parameters2))
      );
    };
    Object.assign(request2, {
      endpoint: endpoint2,
      defaults: withDefaults2.bind(null, endpoint2)
    });
    return endpointOptions.request.hook(request2, endpointOptions);
  };
  return Object.assign(newApi, {
    endpoint: endpoint2,
    defaults: withDefaults2.bind(null, endpoint2)
  });
}
var request = withDefaults2(endpoint, defaults_default);

// node_modules/@octokit/graphql/dist-bundle/index.js
var VERSION5 = "0.0.0-development";
function _buildMessageForResponseErrors(data) {
  return `Request failed due to following response errors:
` + data.errors.map((e) => ` - ${e.message}`).join("\n");
}
var GraphqlResponseError = class extends Error {
  constructor(request2, headers, response) {
    super(_buildMessageForResponseErrors(response));
    this.request = request2;
    this.headers = headers;
    this.response = response;
    this.errors = response.errors;
    this.data = response.data;
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
  request;
  headers;
  response;
  name = "GraphqlResponseError";
  errors;
  data;
};
var NON_VARIABLE_OPTIONS = [
  "method",
  "baseUrl",
  "url",
  "headers",
  "request",
  "query",
  "mediaType",
  "operationName"
];
var FORBIDDEN_VARIABLE_OPTIONS = ["query", "method", "url"];
var GHES_V3_SUFFIX_REGEX = /\/api\/v3\/?$/;
function graphql(request2, query, options) {
  if (options) {
    if (typeof query === "string" && "query" in options) {
      return Promise.reject(
        new Error(`[@octokit/graphql] "query" cannot be used as variable name`)
      );
    }
    for (const key in options) {
      if (!FORBIDDEN_VARIABLE_OPTIONS.includes(key)) continue;
      return Promise.reject(
        new Error(
          `[@octokit/graphql] "${key}" cannot be used as variable name`
        )
      );
    }
  }
  const parsedOptions = typeof query === "string" ? Object.assign({ query }, options) : query;
  const requestOptions = Object.keys(
    parsedOptions
  ).reduce((result, key) => {
    if (NON_VARIABLE_OPTIONS.includes(key)) {
      result[key] = parsedOptions[key];
      return result;
    }
    if (!result.variables) {
      result.variables = {};
    }
    result.variables[key] = parsedOptions[key];
    return result;
  }, {});
  const baseUrl = parsedOptions.baseUrl || request2.endpoint.DEFAULTS.baseUrl;
  if (GHES_V3_SUFFIX_REGEX.test(baseUrl)) {
    requestOptions.url = baseUrl.replace(GHES_V3_SUFFIX_REGEX, "/api/graphql");
  }
  return request2(requestOptions).then((response) => {
    if (response.data.errors) {
      const headers = {};
      for (const key of Object.keys(response.headers)) {
        headers[key] = response.headers[key];
      }
      throw new GraphqlResponseError(
        requestOptions,
        headers,
        response.data
      );
    }
    return response.data.data;
  });
}
function withDefaults3(request2, newDefaults) {
  const newRequest = request2.defaults(newDefaults);
  const newApi = (query, options) => {
    return graphql(newRequest, query, options);
  };
  return Object.assign(newApi, {
    defaults: withDefaults3.bind(null, newRequest),
    endpoint: newRequest.endpoint
  });
}
var graphql2 = withDefaults3(request, {
  headers: {
    "user-agent": `octokit-graphql.js/${VERSION5} ${getUserAgent()}`
  },
  method: "POST",
  url: "/graphql"
});
function withCustomRequest(customRequest) {
  return withDefaults3(customRequest, {
    method: "POST",
    url: "/graphql"
  });
}

// node_modules/@octokit/auth-token/dist-bundle/index.js
var b64url = "(?:[a-zA-Z0-9_-]+)";
var sep = "\\.";
var jwtRE = new RegExp(`^${b64url}${sep}${b64url}${sep}${b64url}$`);
var isJWT = jwtRE.test.bind(jwtRE);
async function auth(token) {
  const isApp = isJWT(token);
  const isInstallation = token.startsWith("v1.") || token.startsWith("ghs_");
  const isUserToServer = token.startsWith("ghu_");
  const tokenType = isApp ? "app" : isInstallation ? "installation" : isUserToServer ? "user-to-server" : "oauth";
  return {
    type: "token",
    token,
    tokenType
  };
}
function withAuthorizationPrefix(token) {
  if (token.split(/\./).length === 3) {
    return `bearer ${token}`;
  }
  return `token ${token}`;
}
async function hook(token, request2, route, parameters) {
  const endpoint2 = request2.endpoint.merge(
    route,
    parameters
  );
  endpoint2.headers.authorization = withAuthorizationPrefix(token);
  return request2(endpoint2);
}
var createTokenAuth = function createTokenAuth2(token) {
  if (!token) {
    throw new Error("[@octokit/auth-token] No token passed to createTokenAuth");
  }
  if (typeof token !== "string") {
    throw new Error(
      "[@octokit/auth-token] Token passed to createTokenAuth is not a string"
    );
  }
  token = token.replace(/^(token|bearer) +/i, "");
  return Object.assign(auth.bind(null, token), {
    hook: hook.bind(null, token)
  });
};

// node_modules/@octokit/core/dist-src/version.js
var VERSION6 = "7.0.8";

// node_modules/@octokit/core/dist-src/index.js
var noop3 = () => {
};
var consoleWarn = console.warn.bind(console);
var consoleError = console.error.bind(console);
function createLogger(logger = {}) {
  if (typeof logger.debug !== "function") {
    logger.debug = noop3;
  }
  if (typeof logger.info !== "function") {
    logger.info = noop3;
  }
  if (typeof logger.warn !== "function") {
    logger.warn = consoleWarn;
  }
  if (typeof logger.error !== "function") {
    logger.error = consoleError;
  }
  return logger;
}
var userAgentTrail = `octokit-core.js/${VERSION6} ${getUserAgent()}`;
var Octokit = class {
  static VERSION = VERSION6;
  static defaults(defaults) {
    const OctokitWithDefaults = class extends this {
      constructor(...args) {
        const options = args[0] || {};
        if (typeof defaults === "function") {
          super(defaults(options));
          return;
        }
        super(
          Object.assign(
            {},
            defaults,
            options,
            options.userAgent && defaults.userAgent ? {
              userAgent: `${options.userAgent} ${defaults.userAgent}`
            } : null
          )
        );
      }
    };
    return OctokitWithDefaults;
  }
  static plugins = [];
  /**
   * Attach a plugin (or many) to your Octokit instance.
   *
   * @example
   * const API = Octokit.plugin(plugin1, plugin2, plugin3, ...)
   */
  static plugin(...newPlugins) {
    const currentPlugins = this.plugins;
    const NewOctokit = class extends this {
      static plugins = currentPlugins.concat(
        newPlugins.filter((plugin) => !currentPlugins.includes(plugin))
      );
    };
    return NewOctokit;
  }
  constructor(options = {}) {
    const hook2 = new before_after_hook_default.Collection();
    const requestDefaults = {
      baseUrl: request.endpoint.DEFAULTS.baseUrl,
      headers: {},
      request: Object.assign({}, options.request, {
        // @ts-ignore internal usage only, no need to type
        hook: hook2.bind(null, "request")
      }),
      mediaType: {
        previews: [],
        format: ""
      }
    };
    requestDefaults.headers["user-agent"] = options.userAgent ? `${options.userAgent} ${userAgentTrail}` : userAgentTrail;
    if (options.baseUrl) {
      requestDefaults.baseUrl = options.baseUrl;
    }
    if (options.previews) {
      requestDefaults.mediaType.previews = options.previews;
    }
    if (options.timeZone) {
      requestDefaults.headers["time-zone"] = options.timeZone;
    }
    this.request = request.defaults(requestDefaults);
    this.graphql = withCustomRequest(this.request).defaults(requestDefaults);
    this.log = createLogger(options.log);
    this.hook = hook2;
    if (!options.authStrategy) {
      if (!options.auth) {
        this.auth = async () => ({
          type: "unauthenticated"
        });
      } else {
        const auth2 = createTokenAuth(options.auth);
        hook2.wrap("request", auth2.hook);
        this.auth = auth2;
      }
    } else {
      const { authStrategy, ...otherOptions } = options;
      const auth2 = authStrategy(
        Object.assign(
          {
            request: this.request,
            log: this.log,
            // we pass the current octokit instance as well as its constructor options
            // to allow for authentication strategies that return a new octokit instance
            // that shares the same internal state as the current one. The original
            // requirement for this was the "event-octokit" authentication strategy
            // of https://github.com/probot/octokit-auth-probot.
            octokit: this,
            octokitOptions: otherOptions
          },
          options.auth
        )
      );
      hook2.wrap("request", auth2.hook);
      this.auth = auth2;
    }
    const classConstructor = this.constructor;
    for (let i = 0; i < classConstructor.plugins.length; ++i) {
      Object.assign(this, classConstructor.plugins[i](this, options));
    }
  }
  // assigned during constructor
  request;
  graphql;
  log;
  hook;
  // TODO: type `octokit.auth` based on passed options.authStrategy
  auth;
};

// node_modules/@octokit/plugin-request-log/dist-src/version.js
var VERSION7 = "6.0.0";

// node_modules/@octokit/plugin-request-log/dist-src/index.js
function requestLog(octokit) {
  octokit.hook.wrap("request", (request2, options) => {
    octokit.log.debug("request", options);
    const start = Date.now();
    const requestOptions = octokit.request.endpoint.parse(options);
    const path = requestOptions.url.replace(options.baseUrl, "");
    return request2(options).then((response) => {
      const requestId = response.headers["x-github-request-id"];
      octokit.log.info(
        `${requestOptions.method} ${path} - ${response.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      return response;
    }).catch((error) => {
      const requestId = error.response?.headers["x-github-request-id"] || "UNKNOWN";
      octokit.log.error(
        `${requestOptions.method} ${path} - ${error.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      throw error;
    });
  });
}
requestLog.VERSION = VERSION7;

// node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var VERSION8 = "0.0.0-development";
function normalizePaginatedListResponse(response) {
  if (!response.data) {
    return {
      ...response,
      data: []
    };
  }
  const responseNeedsNormalization = ("total_count" in response.data || "total_commits" in response.data) && !("url" in response.data);
  if (!responseNeedsNormalization) return response;
  const incompleteResults = response.data.incomplete_results;
  const repositorySelection = response.data.repository_selection;
  const totalCount = response.data.total_count;
  const totalCommits = response.data.total_commits;
  delete response.data.incomplete_results;
  delete response.data.repository_selection;
  delete response.data.total_count;
  delete response.data.total_commits;
  const namespaceKey = Object.keys(response.data)[0];
  const data = response.data[namespaceKey];
  response.data = data;
  if (typeof incompleteResults !== "undefined") {
    response.data.incomplete_results = incompleteResults;
  }
  if (typeof repositorySelection !== "undefined") {
    response.data.repository_selection = repositorySelection;
  }
  response.data.total_count = totalCount;
  response.data.total_commits = totalCommits;
  return response;
}
function iterator(octokit, route, parameters) {
  const options = typeof route === "function" ? route.endpoint(parameters) : octokit.request.endpoint(route, parameters);
  const requestMethod = typeof route === "function" ? route : octokit.request;
  const method = options.method;
  const headers = options.headers;
  let url = options.url;
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (!url) return { done: true };
        try {
          const response = await requestMethod({ method, url, headers });
          const normalizedResponse = normalizePaginatedListResponse(response);
          url = ((normalizedResponse.headers.link || "").match(
            /<([^<>]+)>;\s*rel="next"/
          ) || [])[1];
          if (!url && "total_commits" in normalizedResponse.data) {
            const parsedUrl = new URL(normalizedResponse.url);
            const params = parsedUrl.searchParams;
            const page = parseInt(params.get("page") || "1", 10);
            const per_page = parseInt(params.get("per_page") || "250", 10);
            if (page * per_page < normalizedResponse.data.total_commits) {
              params.set("page", String(page + 1));
              url = parsedUrl.toString();
            }
          }
          return { value: normalizedResponse };
        } catch (error) {
          if (error.status !== 409) throw error;
          url = "";
          return {
            value: {
              status: 200,
              headers: {},
              data: []
            }
          };
        }
      }
    })
  };
}
function paginate(octokit, route, parameters, mapFn) {
  if (typeof parameters === "function") {
    mapFn = parameters;
    parameters = void 0;
  }
  return gather(
    octokit,
    [],
    iterator(octokit, route, parameters)[Symbol.asyncIterator](),
    mapFn
  );
}
function gather(octokit, results, iterator2, mapFn) {
  return iterator2.next().then((result) => {
    if (result.done) {
      return results;
    }
    let earlyExit = false;
    function done() {
      earlyExit = true;
    }
    results = results.concat(
      mapFn ? mapFn(result.value, done) : result.value.data
    );
    if (earlyExit) {
      return results;
    }
    return gather(octokit, results, iterator2, mapFn);
  });
}
var composePaginateRest = Object.assign(paginate, {
  iterator
});
function paginateRest(octokit) {
  return {
    paginate: Object.assign(paginate.bind(null, octokit), {
      iterator: iterator.bind(null, octokit)
    })
  };
}
paginateRest.VERSION = VERSION8;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/version.js
var VERSION9 = "17.0.0";

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/generated/endpoints.js
var Endpoints = {
  actions: {
    addCustomLabelsToSelfHostedRunnerForOrg: [
      "POST /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    addCustomLabelsToSelfHostedRunnerForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    addRepoAccessToSelfHostedRunnerGroupInOrg: [
      "PUT /orgs/{org}/actions/runner-groups/{runner_group_id}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    approveWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/approve"
    ],
    cancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel"
    ],
    createEnvironmentVariable: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    createHostedRunnerForOrg: ["POST /orgs/{org}/actions/hosted-runners"],
    createOrUpdateEnvironmentSecret: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    createOrUpdateOrgSecret: ["PUT /orgs/{org}/actions/secrets/{secret_name}"],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    createOrgVariable: ["POST /orgs/{org}/actions/variables"],
    createRegistrationTokenForOrg: [
      "POST /orgs/{org}/actions/runners/registration-token"
    ],
    createRegistrationTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/registration-token"
    ],
    createRemoveTokenForOrg: ["POST /orgs/{org}/actions/runners/remove-token"],
    createRemoveTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/remove-token"
    ],
    createRepoVariable: ["POST /repos/{owner}/{repo}/actions/variables"],
    createWorkflowDispatch: [
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"
    ],
    deleteActionsCacheById: [
      "DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}"
    ],
    deleteActionsCacheByKey: [
      "DELETE /repos/{owner}/{repo}/actions/caches{?key,ref}"
    ],
    deleteArtifact: [
      "DELETE /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"
    ],
    deleteCustomImageFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    deleteCustomImageVersionFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    deleteEnvironmentSecret: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    deleteEnvironmentVariable: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    deleteHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/actions/secrets/{secret_name}"],
    deleteOrgVariable: ["DELETE /orgs/{org}/actions/variables/{name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    deleteRepoVariable: [
      "DELETE /repos/{owner}/{repo}/actions/variables/{name}"
    ],
    deleteSelfHostedRunnerFromOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}"
    ],
    deleteSelfHostedRunnerFromRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    deleteWorkflowRun: ["DELETE /repos/{owner}/{repo}/actions/runs/{run_id}"],
    deleteWorkflowRunLogs: [
      "DELETE /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    disableSelectedRepositoryGithubActionsOrganization: [
      "DELETE /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    disableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/disable"
    ],
    downloadArtifact: [
      "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}"
    ],
    downloadJobLogsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs"
    ],
    downloadWorkflowRunAttemptLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs"
    ],
    downloadWorkflowRunLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    enableSelectedRepositoryGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    enableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable"
    ],
    forceCancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/force-cancel"
    ],
    generateRunnerJitconfigForOrg: [
      "POST /orgs/{org}/actions/runners/generate-jitconfig"
    ],
    generateRunnerJitconfigForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig"
    ],
    getActionsCacheList: ["GET /repos/{owner}/{repo}/actions/caches"],
    getActionsCacheUsage: ["GET /repos/{owner}/{repo}/actions/cache/usage"],
    getActionsCacheUsageByRepoForOrg: [
      "GET /orgs/{org}/actions/cache/usage-by-repository"
    ],
    getActionsCacheUsageForOrg: ["GET /orgs/{org}/actions/cache/usage"],
    getAllowedActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/selected-actions"
    ],
    getAllowedActionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    getArtifact: ["GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"],
    getCustomImageForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    getCustomImageVersionForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    getCustomOidcSubClaimForRepo: [
      "GET /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    getEnvironmentPublicKey: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key"
    ],
    getEnvironmentSecret: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    getEnvironmentVariable: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    getGithubActionsDefaultWorkflowPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions/workflow"
    ],
    getGithubActionsDefaultWorkflowPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    getGithubActionsPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions"
    ],
    getGithubActionsPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions"
    ],
    getHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    getHostedRunnersGithubOwnedImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/github-owned"
    ],
    getHostedRunnersLimitsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/limits"
    ],
    getHostedRunnersMachineSpecsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/machine-sizes"
    ],
    getHostedRunnersPartnerImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/partner"
    ],
    getHostedRunnersPlatformsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/platforms"
    ],
    getJobForWorkflowRun: ["GET /repos/{owner}/{repo}/actions/jobs/{job_id}"],
    getOrgPublicKey: ["GET /orgs/{org}/actions/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/actions/secrets/{secret_name}"],
    getOrgVariable: ["GET /orgs/{org}/actions/variables/{name}"],
    getPendingDeploymentsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    getRepoPermissions: [
      "GET /repos/{owner}/{repo}/actions/permissions",
      {},
      { renamed: ["actions", "getGithubActionsPermissionsRepository"] }
    ],
    getRepoPublicKey: ["GET /repos/{owner}/{repo}/actions/secrets/public-key"],
    getRepoSecret: ["GET /repos/{owner}/{repo}/actions/secrets/{secret_name}"],
    getRepoVariable: ["GET /repos/{owner}/{repo}/actions/variables/{name}"],
    getReviewsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals"
    ],
    getSelfHostedRunnerForOrg: ["GET /orgs/{org}/actions/runners/{runner_id}"],
    getSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    getWorkflow: ["GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}"],
    getWorkflowAccessToRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/access"
    ],
    getWorkflowRun: ["GET /repos/{owner}/{repo}/actions/runs/{run_id}"],
    getWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}"
    ],
    getWorkflowRunUsage: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/timing"
    ],
    getWorkflowUsage: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/timing"
    ],
    listArtifactsForRepo: ["GET /repos/{owner}/{repo}/actions/artifacts"],
    listCustomImageVersionsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions"
    ],
    listCustomImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom"
    ],
    listEnvironmentSecrets: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets"
    ],
    listEnvironmentVariables: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    listGithubHostedRunnersInGroupForOrg: [
      "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/hosted-runners"
    ],
    listHostedRunnersForOrg: ["GET /orgs/{org}/actions/hosted-runners"],
    listJobsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs"
    ],
    listJobsForWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs"
    ],
    listLabelsForSelfHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    listLabelsForSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    listOrgSecrets: ["GET /orgs/{org}/actions/secrets"],
    listOrgVariables: ["GET /orgs/{org}/actions/variables"],
    listRepoOrganizationSecrets: [
      "GET /repos/{owner}/{repo}/actions/organization-secrets"
    ],
    listRepoOrganizationVariables: [
      "GET /repos/{owner}/{repo}/actions/organization-variables"
    ],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/actions/secrets"],
    listRepoVariables: ["GET /repos/{owner}/{repo}/actions/variables"],
    listRepoWorkflows: ["GET /repos/{owner}/{repo}/actions/workflows"],
    listRunnerApplicationsForOrg: ["GET /orgs/{org}/actions/runners/downloads"],
    listRunnerApplicationsForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/downloads"
    ],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    listSelectedReposForOrgVariable: [
      "GET /orgs/{org}/actions/variables/{name}/repositories"
    ],
    listSelectedRepositoriesEnabledGithubActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/repositories"
    ],
    listSelfHostedRunnersForOrg: ["GET /orgs/{org}/actions/runners"],
    listSelfHostedRunnersForRepo: ["GET /repos/{owner}/{repo}/actions/runners"],
    listWorkflowRunArtifacts: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts"
    ],
    listWorkflowRuns: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"
    ],
    listWorkflowRunsForRepo: ["GET /repos/{owner}/{repo}/actions/runs"],
    reRunJobForWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/jobs/{job_id}/rerun"
    ],
    reRunWorkflow: ["POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun"],
    reRunWorkflowFailedJobs: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    removeCustomLabelFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeCustomLabelFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgVariable: [
      "DELETE /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    reviewCustomGatesForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule"
    ],
    reviewPendingDeploymentsForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    setAllowedActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/selected-actions"
    ],
    setAllowedActionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    setCustomLabelsForSelfHostedRunnerForOrg: [
      "PUT /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    setCustomLabelsForSelfHostedRunnerForRepo: [
      "PUT /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    setCustomOidcSubClaimForRepo: [
      "PUT /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    setGithubActionsDefaultWorkflowPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/workflow"
    ],
    setGithubActionsDefaultWorkflowPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    setGithubActionsPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions"
    ],
    setGithubActionsPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories"
    ],
    setSelectedRepositoriesEnabledGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories"
    ],
    setWorkflowAccessToRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/access"
    ],
    updateEnvironmentVariable: [
      "PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    updateHostedRunnerForOrg: [
      "PATCH /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    updateOrgVariable: ["PATCH /orgs/{org}/actions/variables/{name}"],
    updateRepoVariable: [
      "PATCH /repos/{owner}/{repo}/actions/variables/{name}"
    ]
  },
  activity: {
    checkRepoIsStarredByAuthenticatedUser: ["GET /user/starred/{owner}/{repo}"],
    deleteRepoSubscription: ["DELETE /repos/{owner}/{repo}/subscription"],
    deleteThreadSubscription: [
      "DELETE /notifications/threads/{thread_id}/subscription"
    ],
    getFeeds: ["GET /feeds"],
    getRepoSubscription: ["GET /repos/{owner}/{repo}/subscription"],
    getThread: ["GET /notifications/threads/{thread_id}"],
    getThreadSubscriptionForAuthenticatedUser: [
      "GET /notifications/threads/{thread_id}/subscription"
    ],
    listEventsForAuthenticatedUser: ["GET /users/{username}/events"],
    listNotificationsForAuthenticatedUser: ["GET /notifications"],
    listOrgEventsForAuthenticatedUser: [
      "GET /users/{username}/events/orgs/{org}"
    ],
    listPublicEvents: ["GET /events"],
    listPublicEventsForRepoNetwork: ["GET /networks/{owner}/{repo}/events"],
    listPublicEventsForUser: ["GET /users/{username}/events/public"],
    listPublicOrgEvents: ["GET /orgs/{org}/events"],
    listReceivedEventsForUser: ["GET /users/{username}/received_events"],
    listReceivedPublicEventsForUser: [
      "GET /users/{username}/received_events/public"
    ],
    listRepoEvents: ["GET /repos/{owner}/{repo}/events"],
    listRepoNotificationsForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/notifications"
    ],
    listReposStarredByAuthenticatedUser: ["GET /user/starred"],
    listReposStarredByUser: ["GET /users/{username}/starred"],
    listReposWatchedByUser: ["GET /users/{username}/subscriptions"],
    listStargazersForRepo: ["GET /repos/{owner}/{repo}/stargazers"],
    listWatchedReposForAuthenticatedUser: ["GET /user/subscriptions"],
    listWatchersForRepo: ["GET /repos/{owner}/{repo}/subscribers"],
    markNotificationsAsRead: ["PUT /notifications"],
    markRepoNotificationsAsRead: ["PUT /repos/{owner}/{repo}/notifications"],
    markThreadAsDone: ["DELETE /notifications/threads/{thread_id}"],
    markThreadAsRead: ["PATCH /notifications/threads/{thread_id}"],
    setRepoSubscription: ["PUT /repos/{owner}/{repo}/subscription"],
    setThreadSubscription: [
      "PUT /notifications/threads/{thread_id}/subscription"
    ],
    starRepoForAuthenticatedUser: ["PUT /user/starred/{owner}/{repo}"],
    unstarRepoForAuthenticatedUser: ["DELETE /user/starred/{owner}/{repo}"]
  },
  apps: {
    addRepoToInstallation: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "addRepoToInstallationForAuthenticatedUser"] }
    ],
    addRepoToInstallationForAuthenticatedUser: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    checkToken: ["POST /applications/{client_id}/token"],
    createFromManifest: ["POST /app-manifests/{code}/conversions"],
    createInstallationAccessToken: [
      "POST /app/installations/{installation_id}/access_tokens"
    ],
    deleteAuthorization: ["DELETE /applications/{client_id}/grant"],
    deleteInstallation: ["DELETE /app/installations/{installation_id}"],
    deleteToken: ["DELETE /applications/{client_id}/token"],
    getAuthenticated: ["GET /app"],
    getBySlug: ["GET /apps/{app_slug}"],
    getInstallation: ["GET /app/installations/{installation_id}"],
    getOrgInstallation: ["GET /orgs/{org}/installation"],
    getRepoInstallation: ["GET /repos/{owner}/{repo}/installation"],
    getSubscriptionPlanForAccount: [
      "GET /marketplace_listing/accounts/{account_id}"
    ],
    getSubscriptionPlanForAccountStubbed: [
      "GET /marketplace_listing/stubbed/accounts/{account_id}"
    ],
    getUserInstallation: ["GET /users/{username}/installation"],
    getWebhookConfigForApp: ["GET /app/hook/config"],
    getWebhookDelivery: ["GET /app/hook/deliveries/{delivery_id}"],
    listAccountsForPlan: ["GET /marketplace_listing/plans/{plan_id}/accounts"],
    listAccountsForPlanStubbed: [
      "GET /marketplace_listing/stubbed/plans/{plan_id}/accounts"
    ],
    listInstallationReposForAuthenticatedUser: [
      "GET /user/installations/{installation_id}/repositories"
    ],
    listInstallationRequestsForAuthenticatedApp: [
      "GET /app/installation-requests"
    ],
    listInstallations: ["GET /app/installations"],
    listInstallationsForAuthenticatedUser: ["GET /user/installations"],
    listPlans: ["GET /marketplace_listing/plans"],
    listPlansStubbed: ["GET /marketplace_listing/stubbed/plans"],
    listReposAccessibleToInstallation: ["GET /installation/repositories"],
    listSubscriptionsForAuthenticatedUser: ["GET /user/marketplace_purchases"],
    listSubscriptionsForAuthenticatedUserStubbed: [
      "GET /user/marketplace_purchases/stubbed"
    ],
    listWebhookDeliveries: ["GET /app/hook/deliveries"],
    redeliverWebhookDelivery: [
      "POST /app/hook/deliveries/{delivery_id}/attempts"
    ],
    removeRepoFromInstallation: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "removeRepoFromInstallationForAuthenticatedUser"] }
    ],
    removeRepoFromInstallationForAuthenticatedUser: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    resetToken: ["PATCH /applications/{client_id}/token"],
    revokeInstallationAccessToken: ["DELETE /installation/token"],
    scopeToken: ["POST /applications/{client_id}/token/scoped"],
    suspendInstallation: ["PUT /app/installations/{installation_id}/suspended"],
    unsuspendInstallation: [
      "DELETE /app/installations/{installation_id}/suspended"
    ],
    updateWebhookConfigForApp: ["PATCH /app/hook/config"]
  },
  billing: {
    getGithubActionsBillingOrg: ["GET /orgs/{org}/settings/billing/actions"],
    getGithubActionsBillingUser: [
      "GET /users/{username}/settings/billing/actions"
    ],
    getGithubBillingPremiumRequestUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/premium_request/usage"
    ],
    getGithubBillingPremiumRequestUsageReportUser: [
      "GET /users/{username}/settings/billing/premium_request/usage"
    ],
    getGithubBillingUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/usage"
    ],
    getGithubBillingUsageReportUser: [
      "GET /users/{username}/settings/billing/usage"
    ],
    getGithubPackagesBillingOrg: ["GET /orgs/{org}/settings/billing/packages"],
    getGithubPackagesBillingUser: [
      "GET /users/{username}/settings/billing/packages"
    ],
    getSharedStorageBillingOrg: [
      "GET /orgs/{org}/settings/billing/shared-storage"
    ],
    getSharedStorageBillingUser: [
      "GET /users/{username}/settings/billing/shared-storage"
    ]
  },
  campaigns: {
    createCampaign: ["POST /orgs/{org}/campaigns"],
    deleteCampaign: ["DELETE /orgs/{org}/campaigns/{campaign_number}"],
    getCampaignSummary: ["GET /orgs/{org}/campaigns/{campaign_number}"],
    listOrgCampaigns: ["GET /orgs/{org}/campaigns"],
    updateCampaign: ["PATCH /orgs/{org}/campaigns/{campaign_number}"]
  },
  checks: {
    create: ["POST /repos/{owner}/{repo}/check-runs"],
    createSuite: ["POST /repos/{owner}/{repo}/check-suites"],
    get: ["GET /repos/{owner}/{repo}/check-runs/{check_run_id}"],
    getSuite: ["GET /repos/{owner}/{repo}/check-suites/{check_suite_id}"],
    listAnnotations: [
      "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations"
    ],
    listForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-runs"],
    listForSuite: [
      "GET /repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs"
    ],
    listSuitesForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-suites"],
    rerequestRun: [
      "POST /repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest"
    ],
    rerequestSuite: [
      "POST /repos/{owner}/{repo}/check-suites/{check_suite_id}/rerequest"
    ],
    setSuitesPreferences: [
      "PATCH /repos/{owner}/{repo}/check-suites/preferences"
    ],
    update: ["PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"]
  },
  codeScanning: {
    commitAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix/commits"
    ],
    createAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    createVariantAnalysis: [
      "POST /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses"
    ],
    deleteAnalysis: [
      "DELETE /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}{?confirm_delete}"
    ],
    deleteCodeqlDatabase: [
      "DELETE /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}",
      {},
      { renamedParameters: { alert_id: "alert_number" } }
    ],
    getAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}"
    ],
    getAutofix: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    getCodeqlDatabase: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getDefaultSetup: ["GET /repos/{owner}/{repo}/code-scanning/default-setup"],
    getSarif: ["GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}"],
    getVariantAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}"
    ],
    getVariantAnalysisRepoTask: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}/repos/{repo_owner}/{repo_name}"
    ],
    listAlertInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/code-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/code-scanning/alerts"],
    listAlertsInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances",
      {},
      { renamed: ["codeScanning", "listAlertInstances"] }
    ],
    listCodeqlDatabases: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases"
    ],
    listRecentAnalyses: ["GET /repos/{owner}/{repo}/code-scanning/analyses"],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}"
    ],
    updateDefaultSetup: [
      "PATCH /repos/{owner}/{repo}/code-scanning/default-setup"
    ],
    uploadSarif: ["POST /repos/{owner}/{repo}/code-scanning/sarifs"]
  },
  codeSecurity: {
    attachConfiguration: [
      "POST /orgs/{org}/code-security/configurations/{configuration_id}/attach"
    ],
    attachEnterpriseConfiguration: [
      "POST /enterprises/{enterprise}/code-security/configurations/{configuration_id}/attach"
    ],
    createConfiguration: ["POST /orgs/{org}/code-security/configurations"],
    createConfigurationForEnterprise: [
      "POST /enterprises/{enterprise}/code-security/configurations"
    ],
    deleteConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    deleteConfigurationForEnterprise: [
      "DELETE /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    detachConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/detach"
    ],
    getConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    getConfigurationForRepository: [
      "GET /repos/{owner}/{repo}/code-security-configuration"
    ],
    getConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations"
    ],
    getConfigurationsForOrg: ["GET /orgs/{org}/code-security/configurations"],
    getDefaultConfigurations: [
      "GET /orgs/{org}/code-security/configurations/defaults"
    ],
    getDefaultConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/defaults"
    ],
    getRepositoriesForConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}/repositories"
    ],
    getRepositoriesForEnterpriseConfiguration: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories"
    ],
    getSingleConfigurationForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    setConfigurationAsDefault: [
      "PUT /orgs/{org}/code-security/configurations/{configuration_id}/defaults"
    ],
    setConfigurationAsDefaultForEnterprise: [
      "PUT /enterprises/{enterprise}/code-security/configurations/{configuration_id}/defaults"
    ],
    updateConfiguration: [
      "PATCH /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    updateEnterpriseConfiguration: [
      "PATCH /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ]
  },
  codesOfConduct: {
    getAllCodesOfConduct: ["GET /codes_of_conduct"],
    getConductCode: ["GET /codes_of_conduct/{key}"]
  },
  codespaces: {
    addRepositoryForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    checkPermissionsForDevcontainer: [
      "GET /repos/{owner}/{repo}/codespaces/permissions_check"
    ],
    codespaceMachinesForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/machines"
    ],
    createForAuthenticatedUser: ["POST /user/codespaces"],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}"
    ],
    createWithPrForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/codespaces"
    ],
    createWithRepoForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/codespaces"
    ],
    deleteForAuthenticatedUser: ["DELETE /user/codespaces/{codespace_name}"],
    deleteFromOrganization: [
      "DELETE /orgs/{org}/members/{username}/codespaces/{codespace_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/codespaces/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    deleteSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}"
    ],
    exportForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/exports"
    ],
    getCodespacesForUserInOrg: [
      "GET /orgs/{org}/members/{username}/codespaces"
    ],
    getExportDetailsForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/exports/{export_id}"
    ],
    getForAuthenticatedUser: ["GET /user/codespaces/{codespace_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/codespaces/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/codespaces/secrets/{secret_name}"],
    getPublicKeyForAuthenticatedUser: [
      "GET /user/codespaces/secrets/public-key"
    ],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    getSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}"
    ],
    listDevcontainersInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/devcontainers"
    ],
    listForAuthenticatedUser: ["GET /user/codespaces"],
    listInOrganization: [
      "GET /orgs/{org}/codespaces",
      {},
      { renamedParameters: { org_id: "org" } }
    ],
    listInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces"
    ],
    listOrgSecrets: ["GET /orgs/{org}/codespaces/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/codespaces/secrets"],
    listRepositoriesForSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}/repositories"
    ],
    listSecretsForAuthenticatedUser: ["GET /user/codespaces/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    preFlightWithRepoForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/new"
    ],
    publishForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/publish"
    ],
    removeRepositoryForSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repoMachinesForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/machines"
    ],
    setRepositoriesForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    startForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/start"],
    stopForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/stop"],
    stopInOrganization: [
      "POST /orgs/{org}/members/{username}/codespaces/{codespace_name}/stop"
    ],
    updateForAuthenticatedUser: ["PATCH /user/codespaces/{codespace_name}"]
  },
  copilot: {
    addCopilotSeatsForTeams: [
      "POST /orgs/{org}/copilot/billing/selected_teams"
    ],
    addCopilotSeatsForUsers: [
      "POST /orgs/{org}/copilot/billing/selected_users"
    ],
    cancelCopilotSeatAssignmentForTeams: [
      "DELETE /orgs/{org}/copilot/billing/selected_teams"
    ],
    cancelCopilotSeatAssignmentForUsers: [
      "DELETE /orgs/{org}/copilot/billing/selected_users"
    ],
    copilotMetricsForOrganization: ["GET /orgs/{org}/copilot/metrics"],
    copilotMetricsForTeam: ["GET /orgs/{org}/team/{team_slug}/copilot/metrics"],
    getCopilotOrganizationDetails: ["GET /orgs/{org}/copilot/billing"],
    getCopilotSeatDetailsForUser: [
      "GET /orgs/{org}/members/{username}/copilot"
    ],
    listCopilotSeats: ["GET /orgs/{org}/copilot/billing/seats"]
  },
  credentials: { revoke: ["POST /credentials/revoke"] },
  dependabot: {
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/dependabot/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    getAlert: ["GET /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"],
    getOrgPublicKey: ["GET /orgs/{org}/dependabot/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/dependabot/secrets/{secret_name}"],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    listAlertsForEnterprise: [
      "GET /enterprises/{enterprise}/dependabot/alerts"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/dependabot/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/dependabot/alerts"],
    listOrgSecrets: ["GET /orgs/{org}/dependabot/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/dependabot/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repositoryAccessForOrg: [
      "GET /organizations/{org}/dependabot/repository-access"
    ],
    setRepositoryAccessDefaultLevel: [
      "PUT /organizations/{org}/dependabot/repository-access/default-level"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"
    ],
    updateRepositoryAccessForOrg: [
      "PATCH /organizations/{org}/dependabot/repository-access"
    ]
  },
  dependencyGraph: {
    createRepositorySnapshot: [
      "POST /repos/{owner}/{repo}/dependency-graph/snapshots"
    ],
    diffRange: [
      "GET /repos/{owner}/{repo}/dependency-graph/compare/{basehead}"
    ],
    exportSbom: ["GET /repos/{owner}/{repo}/dependency-graph/sbom"]
  },
  emojis: { get: ["GET /emojis"] },
  enterpriseTeamMemberships: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/remove"
    ],
    get: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    list: ["GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships"],
    remove: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ]
  },
  enterpriseTeamOrganizations: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/remove"
    ],
    delete: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignment: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignments: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations"
    ]
  },
  enterpriseTeams: {
    create: ["POST /enterprises/{enterprise}/teams"],
    delete: ["DELETE /enterprises/{enterprise}/teams/{team_slug}"],
    get: ["GET /enterprises/{enterprise}/teams/{team_slug}"],
    list: ["GET /enterprises/{enterprise}/teams"],
    update: ["PATCH /enterprises/{enterprise}/teams/{team_slug}"]
  },
  gists: {
    checkIsStarred: ["GET /gists/{gist_id}/star"],
    create: ["POST /gists"],
    createComment: ["POST /gists/{gist_id}/comments"],
    delete: ["DELETE /gists/{gist_id}"],
    deleteComment: ["DELETE /gists/{gist_id}/comments/{comment_id}"],
    fork: ["POST /gists/{gist_id}/forks"],
    get: ["GET /gists/{gist_id}"],
    getComment: ["GET /gists/{gist_id}/comments/{comment_id}"],
    getRevision: ["GET /gists/{gist_id}/{sha}"],
    list: ["GET /gists"],
    listComments: ["GET /gists/{gist_id}/comments"],
    listCommits: ["GET /gists/{gist_id}/commits"],
    listForUser: ["GET /users/{username}/gists"],
    listForks: ["GET /gists/{gist_id}/forks"],
    listPublic: ["GET /gists/public"],
    listStarred: ["GET /gists/starred"],
    star: ["PUT /gists/{gist_id}/star"],
    unstar: ["DELETE /gists/{gist_id}/star"],
    update: ["PATCH /gists/{gist_id}"],
    updateComment: ["PATCH /gists/{gist_id}/comments/{comment_id}"]
  },
  git: {
    createBlob: ["POST /repos/{owner}/{repo}/git/blobs"],
    createCommit: ["POST /repos/{owner}/{repo}/git/commits"],
    createRef: ["POST /repos/{owner}/{repo}/git/refs"],
    createTag: ["POST /repos/{owner}/{repo}/git/tags"],
    createTree: ["POST /repos/{owner}/{repo}/git/trees"],
    deleteRef: ["DELETE /repos/{owner}/{repo}/git/refs/{ref}"],
    getBlob: ["GET /repos/{owner}/{repo}/git/blobs/{file_sha}"],
    getCommit: ["GET /repos/{owner}/{repo}/git/commits/{commit_sha}"],
    getRef: ["GET /repos/{owner}/{repo}/git/ref/{ref}"],
    getTag: ["GET /repos/{owner}/{repo}/git/tags/{tag_sha}"],
    getTree: ["GET /repos/{owner}/{repo}/git/trees/{tree_sha}"],
    listMatchingRefs: ["GET /repos/{owner}/{repo}/git/matching-refs/{ref}"],
    updateRef: ["PATCH /repos/{owner}/{repo}/git/refs/{ref}"]
  },
  gitignore: {
    getAllTemplates: ["GET /gitignore/templates"],
    getTemplate: ["GET /gitignore/templates/{name}"]
  },
  hostedCompute: {
    createNetworkConfigurationForOrg: [
      "POST /orgs/{org}/settings/network-configurations"
    ],
    deleteNetworkConfigurationFromOrg: [
      "DELETE /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkConfigurationForOrg: [
      "GET /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkSettingsForOrg: [
      "GET /orgs/{org}/settings/network-settings/{network_settings_id}"
    ],
    listNetworkConfigurationsForOrg: [
      "GET /orgs/{org}/settings/network-configurations"
    ],
    updateNetworkConfigurationForOrg: [
      "PATCH /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ]
  },
  interactions: {
    getRestrictionsForAuthenticatedUser: ["GET /user/interaction-limits"],
    getRestrictionsForOrg: ["GET /orgs/{org}/interaction-limits"],
    getRestrictionsForRepo: ["GET /repos/{owner}/{repo}/interaction-limits"],
    getRestrictionsForYourPublicRepos: [
      "GET /user/interaction-limits",
      {},
      { renamed: ["interactions", "getRestrictionsForAuthenticatedUser"] }
    ],
    removeRestrictionsForAuthenticatedUser: ["DELETE /user/interaction-limits"],
    removeRestrictionsForOrg: ["DELETE /orgs/{org}/interaction-limits"],
    removeRestrictionsForRepo: [
      "DELETE /repos/{owner}/{repo}/interaction-limits"
    ],
    removeRestrictionsForYourPublicRepos: [
      "DELETE /user/interaction-limits",
      {},
      { renamed: ["interactions", "removeRestrictionsForAuthenticatedUser"] }
    ],
    setRestrictionsForAuthenticatedUser: ["PUT /user/interaction-limits"],
    setRestrictionsForOrg: ["PUT /orgs/{org}/interaction-limits"],
    setRestrictionsForRepo: ["PUT /repos/{owner}/{repo}/interaction-limits"],
    setRestrictionsForYourPublicRepos: [
      "PUT /user/interaction-limits",
      {},
      { renamed: ["interactions", "setRestrictionsForAuthenticatedUser"] }
    ]
  },
  issues: {
    addAssignees: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    addBlockedByDependency: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    addLabels: ["POST /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    addSubIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    checkUserCanBeAssigned: ["GET /repos/{owner}/{repo}/assignees/{assignee}"],
    checkUserCanBeAssignedToIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/assignees/{assignee}"
    ],
    create: ["POST /repos/{owner}/{repo}/issues"],
    createComment: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"
    ],
    createLabel: ["POST /repos/{owner}/{repo}/labels"],
    createMilestone: ["POST /repos/{owner}/{repo}/milestones"],
    deleteComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}"
    ],
    deleteLabel: ["DELETE /repos/{owner}/{repo}/labels/{name}"],
    deleteMilestone: [
      "DELETE /repos/{owner}/{repo}/milestones/{milestone_number}"
    ],
    get: ["GET /repos/{owner}/{repo}/issues/{issue_number}"],
    getComment: ["GET /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    getEvent: ["GET /repos/{owner}/{repo}/issues/events/{event_id}"],
    getLabel: ["GET /repos/{owner}/{repo}/labels/{name}"],
    getMilestone: ["GET /repos/{owner}/{repo}/milestones/{milestone_number}"],
    getParent: ["GET /repos/{owner}/{repo}/issues/{issue_number}/parent"],
    list: ["GET /issues"],
    listAssignees: ["GET /repos/{owner}/{repo}/assignees"],
    listComments: ["GET /repos/{owner}/{repo}/issues/{issue_number}/comments"],
    listCommentsForRepo: ["GET /repos/{owner}/{repo}/issues/comments"],
    listDependenciesBlockedBy: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    listDependenciesBlocking: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking"
    ],
    listEvents: ["GET /repos/{owner}/{repo}/issues/{issue_number}/events"],
    listEventsForRepo: ["GET /repos/{owner}/{repo}/issues/events"],
    listEventsForTimeline: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline"
    ],
    listForAuthenticatedUser: ["GET /user/issues"],
    listForOrg: ["GET /orgs/{org}/issues"],
    listForRepo: ["GET /repos/{owner}/{repo}/issues"],
    listLabelsForMilestone: [
      "GET /repos/{owner}/{repo}/milestones/{milestone_number}/labels"
    ],
    listLabelsForRepo: ["GET /repos/{owner}/{repo}/labels"],
    listLabelsOnIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    listMilestones: ["GET /repos/{owner}/{repo}/milestones"],
    listSubIssues: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    lock: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    removeAllLabels: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    removeAssignees: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    removeDependencyBlockedBy: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}"
    ],
    removeLabel: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"
    ],
    removeSubIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue"
    ],
    reprioritizeSubIssue: [
      "PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority"
    ],
    setLabels: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    unlock: ["DELETE /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    update: ["PATCH /repos/{owner}/{repo}/issues/{issue_number}"],
    updateComment: ["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    updateLabel: ["PATCH /repos/{owner}/{repo}/labels/{name}"],
    updateMilestone: [
      "PATCH /repos/{owner}/{repo}/milestones/{milestone_number}"
    ]
  },
  licenses: {
    get: ["GET /licenses/{license}"],
    getAllCommonlyUsed: ["GET /licenses"],
    getForRepo: ["GET /repos/{owner}/{repo}/license"]
  },
  markdown: {
    render: ["POST /markdown"],
    renderRaw: [
      "POST /markdown/raw",
      { headers: { "content-type": "text/plain; charset=utf-8" } }
    ]
  },
  meta: {
    get: ["GET /meta"],
    getAllVersions: ["GET /versions"],
    getOctocat: ["GET /octocat"],
    getZen: ["GET /zen"],
    root: ["GET /"]
  },
  migrations: {
    deleteArchiveForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/archive"
    ],
    deleteArchiveForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/archive"
    ],
    downloadArchiveForOrg: [
      "GET /orgs/{org}/migrations/{migration_id}/archive"
    ],
    getArchiveForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/archive"
    ],
    getStatusForAuthenticatedUser: ["GET /user/migrations/{migration_id}"],
    getStatusForOrg: ["GET /orgs/{org}/migrations/{migration_id}"],
    listForAuthenticatedUser: ["GET /user/migrations"],
    listForOrg: ["GET /orgs/{org}/migrations"],
    listReposForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/repositories"
    ],
    listReposForOrg: ["GET /orgs/{org}/migrations/{migration_id}/repositories"],
    listReposForUser: [
      "GET /user/migrations/{migration_id}/repositories",
      {},
      { renamed: ["migrations", "listReposForAuthenticatedUser"] }
    ],
    startForAuthenticatedUser: ["POST /user/migrations"],
    startForOrg: ["POST /orgs/{org}/migrations"],
    unlockRepoForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/repos/{repo_name}/lock"
    ],
    unlockRepoForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/repos/{repo_name}/lock"
    ]
  },
  oidc: {
    getOidcCustomSubTemplateForOrg: [
      "GET /orgs/{org}/actions/oidc/customization/sub"
    ],
    updateOidcCustomSubTemplateForOrg: [
      "PUT /orgs/{org}/actions/oidc/customization/sub"
    ]
  },
  orgs: {
    addSecurityManagerTeam: [
      "PUT /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.addSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#add-a-security-manager-team"
      }
    ],
    assignTeamToOrgRole: [
      "PUT /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    assignUserToOrgRole: [
      "PUT /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    blockUser: ["PUT /orgs/{org}/blocks/{username}"],
    cancelInvitation: ["DELETE /orgs/{org}/invitations/{invitation_id}"],
    checkBlockedUser: ["GET /orgs/{org}/blocks/{username}"],
    checkMembershipForUser: ["GET /orgs/{org}/members/{username}"],
    checkPublicMembershipForUser: ["GET /orgs/{org}/public_members/{username}"],
    convertMemberToOutsideCollaborator: [
      "PUT /orgs/{org}/outside_collaborators/{username}"
    ],
    createArtifactStorageRecord: [
      "POST /orgs/{org}/artifacts/metadata/storage-record"
    ],
    createInvitation: ["POST /orgs/{org}/invitations"],
    createIssueType: ["POST /orgs/{org}/issue-types"],
    createWebhook: ["POST /orgs/{org}/hooks"],
    customPropertiesForOrgsCreateOrUpdateOrganizationValues: [
      "PATCH /organizations/{org}/org-properties/values"
    ],
    customPropertiesForOrgsGetOrganizationValues: [
      "GET /organizations/{org}/org-properties/values"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinition: [
      "PUT /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinitions: [
      "PATCH /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationValues: [
      "PATCH /orgs/{org}/properties/values"
    ],
    customPropertiesForReposDeleteOrganizationDefinition: [
      "DELETE /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinition: [
      "GET /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinitions: [
      "GET /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposGetOrganizationValues: [
      "GET /orgs/{org}/properties/values"
    ],
    delete: ["DELETE /orgs/{org}"],
    deleteAttestationsBulk: ["POST /orgs/{org}/attestations/delete-request"],
    deleteAttestationsById: [
      "DELETE /orgs/{org}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /orgs/{org}/attestations/digest/{subject_digest}"
    ],
    deleteIssueType: ["DELETE /orgs/{org}/issue-types/{issue_type_id}"],
    deleteWebhook: ["DELETE /orgs/{org}/hooks/{hook_id}"],
    disableSelectedRepositoryImmutableReleasesOrganization: [
      "DELETE /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    enableSelectedRepositoryImmutableReleasesOrganization: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    get: ["GET /orgs/{org}"],
    getImmutableReleasesSettings: [
      "GET /orgs/{org}/settings/immutable-releases"
    ],
    getImmutableReleasesSettingsRepositories: [
      "GET /orgs/{org}/settings/immutable-releases/repositories"
    ],
    getMembershipForAuthenticatedUser: ["GET /user/memberships/orgs/{org}"],
    getMembershipForUser: ["GET /orgs/{org}/memberships/{username}"],
    getOrgRole: ["GET /orgs/{org}/organization-roles/{role_id}"],
    getOrgRulesetHistory: ["GET /orgs/{org}/rulesets/{ruleset_id}/history"],
    getOrgRulesetVersion: [
      "GET /orgs/{org}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getWebhook: ["GET /orgs/{org}/hooks/{hook_id}"],
    getWebhookConfigForOrg: ["GET /orgs/{org}/hooks/{hook_id}/config"],
    getWebhookDelivery: [
      "GET /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    list: ["GET /organizations"],
    listAppInstallations: ["GET /orgs/{org}/installations"],
    listArtifactStorageRecords: [
      "GET /orgs/{org}/artifacts/{subject_digest}/metadata/storage-records"
    ],
    listAttestationRepositories: ["GET /orgs/{org}/attestations/repositories"],
    listAttestations: ["GET /orgs/{org}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /orgs/{org}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedUsers: ["GET /orgs/{org}/blocks"],
    listFailedInvitations: ["GET /orgs/{org}/failed_invitations"],
    listForAuthenticatedUser: ["GET /user/orgs"],
    listForUser: ["GET /users/{username}/orgs"],
    listInvitationTeams: ["GET /orgs/{org}/invitations/{invitation_id}/teams"],
    listIssueTypes: ["GET /orgs/{org}/issue-types"],
    listMembers: ["GET /orgs/{org}/members"],
    listMembershipsForAuthenticatedUser: ["GET /user/memberships/orgs"],
    listOrgRoleTeams: ["GET /orgs/{org}/organization-roles/{role_id}/teams"],
    listOrgRoleUsers: ["GET /orgs/{org}/organization-roles/{role_id}/users"],
    listOrgRoles: ["GET /orgs/{org}/organization-roles"],
    listOrganizationFineGrainedPermissions: [
      "GET /orgs/{org}/organization-fine-grained-permissions"
    ],
    listOutsideCollaborators: ["GET /orgs/{org}/outside_collaborators"],
    listPatGrantRepositories: [
      "GET /orgs/{org}/personal-access-tokens/{pat_id}/repositories"
    ],
    listPatGrantRequestRepositories: [
      "GET /orgs/{org}/personal-access-token-requests/{pat_request_id}/repositories"
    ],
    listPatGrantRequests: ["GET /orgs/{org}/personal-access-token-requests"],
    listPatGrants: ["GET /orgs/{org}/personal-access-tokens"],
    listPendingInvitations: ["GET /orgs/{org}/invitations"],
    listPublicMembers: ["GET /orgs/{org}/public_members"],
    listSecurityManagerTeams: [
      "GET /orgs/{org}/security-managers",
      {},
      {
        deprecated: "octokit.rest.orgs.listSecurityManagerTeams() is deprecated, see https://docs.github.com/rest/orgs/security-managers#list-security-manager-teams"
      }
    ],
    listWebhookDeliveries: ["GET /orgs/{org}/hooks/{hook_id}/deliveries"],
    listWebhooks: ["GET /orgs/{org}/hooks"],
    pingWebhook: ["POST /orgs/{org}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeMember: ["DELETE /orgs/{org}/members/{username}"],
    removeMembershipForUser: ["DELETE /orgs/{org}/memberships/{username}"],
    removeOutsideCollaborator: [
      "DELETE /orgs/{org}/outside_collaborators/{username}"
    ],
    removePublicMembershipForAuthenticatedUser: [
      "DELETE /orgs/{org}/public_members/{username}"
    ],
    removeSecurityManagerTeam: [
      "DELETE /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.removeSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#remove-a-security-manager-team"
      }
    ],
    reviewPatGrantRequest: [
      "POST /orgs/{org}/personal-access-token-requests/{pat_request_id}"
    ],
    reviewPatGrantRequestsInBulk: [
      "POST /orgs/{org}/personal-access-token-requests"
    ],
    revokeAllOrgRolesTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}"
    ],
    revokeAllOrgRolesUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}"
    ],
    revokeOrgRoleTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    revokeOrgRoleUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    setImmutableReleasesSettings: [
      "PUT /orgs/{org}/settings/immutable-releases"
    ],
    setImmutableReleasesSettingsRepositories: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories"
    ],
    setMembershipForUser: ["PUT /orgs/{org}/memberships/{username}"],
    setPublicMembershipForAuthenticatedUser: [
      "PUT /orgs/{org}/public_members/{username}"
    ],
    unblockUser: ["DELETE /orgs/{org}/blocks/{username}"],
    update: ["PATCH /orgs/{org}"],
    updateIssueType: ["PUT /orgs/{org}/issue-types/{issue_type_id}"],
    updateMembershipForAuthenticatedUser: [
      "PATCH /user/memberships/orgs/{org}"
    ],
    updatePatAccess: ["POST /orgs/{org}/personal-access-tokens/{pat_id}"],
    updatePatAccesses: ["POST /orgs/{org}/personal-access-tokens"],
    updateWebhook: ["PATCH /orgs/{org}/hooks/{hook_id}"],
    updateWebhookConfigForOrg: ["PATCH /orgs/{org}/hooks/{hook_id}/config"]
  },
  packages: {
    deletePackageForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}"
    ],
    deletePackageForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    deletePackageForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}"
    ],
    deletePackageVersionForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getAllPackageVersionsForAPackageOwnedByAnOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions",
      {},
      { renamed: ["packages", "getAllPackageVersionsForPackageOwnedByOrg"] }
    ],
    getAllPackageVersionsForAPackageOwnedByTheAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions",
      {},
      {
        renamed: [
          "packages",
          "getAllPackageVersionsForPackageOwnedByAuthenticatedUser"
        ]
      }
    ],
    getAllPackageVersionsForPackageOwnedByAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions"
    ],
    getPackageForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}"
    ],
    getPackageForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    getPackageForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}"
    ],
    getPackageVersionForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    listDockerMigrationConflictingPackagesForAuthenticatedUser: [
      "GET /user/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForOrganization: [
      "GET /orgs/{org}/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForUser: [
      "GET /users/{username}/docker/conflicts"
    ],
    listPackagesForAuthenticatedUser: ["GET /user/packages"],
    listPackagesForOrganization: ["GET /orgs/{org}/packages"],
    listPackagesForUser: ["GET /users/{username}/packages"],
    restorePackageForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageVersionForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ]
  },
  privateRegistries: {
    createOrgPrivateRegistry: ["POST /orgs/{org}/private-registries"],
    deleteOrgPrivateRegistry: [
      "DELETE /orgs/{org}/private-registries/{secret_name}"
    ],
    getOrgPrivateRegistry: ["GET /orgs/{org}/private-registries/{secret_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/private-registries/public-key"],
    listOrgPrivateRegistries: ["GET /orgs/{org}/private-registries"],
    updateOrgPrivateRegistry: [
      "PATCH /orgs/{org}/private-registries/{secret_name}"
    ]
  },
  projects: {
    addItemForOrg: ["POST /orgs/{org}/projectsV2/{project_number}/items"],
    addItemForUser: [
      "POST /users/{username}/projectsV2/{project_number}/items"
    ],
    deleteItemForOrg: [
      "DELETE /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    deleteItemForUser: [
      "DELETE /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    getFieldForOrg: [
      "GET /orgs/{org}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getFieldForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getForOrg: ["GET /orgs/{org}/projectsV2/{project_number}"],
    getForUser: ["GET /users/{username}/projectsV2/{project_number}"],
    getOrgItem: ["GET /orgs/{org}/projectsV2/{project_number}/items/{item_id}"],
    getUserItem: [
      "GET /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    listFieldsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/fields"],
    listFieldsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields"
    ],
    listForOrg: ["GET /orgs/{org}/projectsV2"],
    listForUser: ["GET /users/{username}/projectsV2"],
    listItemsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/items"],
    listItemsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/items"
    ],
    updateItemForOrg: [
      "PATCH /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    updateItemForUser: [
      "PATCH /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ]
  },
  pulls: {
    checkIfMerged: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    create: ["POST /repos/{owner}/{repo}/pulls"],
    createReplyForReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies"
    ],
    createReview: ["POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    createReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    deletePendingReview: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    deleteReviewComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ],
    dismissReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals"
    ],
    get: ["GET /repos/{owner}/{repo}/pulls/{pull_number}"],
    getReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    getReviewComment: ["GET /repos/{owner}/{repo}/pulls/comments/{comment_id}"],
    list: ["GET /repos/{owner}/{repo}/pulls"],
    listCommentsForReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/commits"],
    listFiles: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/files"],
    listRequestedReviewers: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    listReviewComments: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    listReviewCommentsForRepo: ["GET /repos/{owner}/{repo}/pulls/comments"],
    listReviews: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    merge: ["PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    removeRequestedReviewers: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    requestReviewers: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    submitReview: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events"
    ],
    update: ["PATCH /repos/{owner}/{repo}/pulls/{pull_number}"],
    updateBranch: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/update-branch"
    ],
    updateReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    updateReviewComment: [
      "PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ]
  },
  rateLimit: { get: ["GET /rate_limit"] },
  reactions: {
    createForCommitComment: [
      "POST /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    createForIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions"
    ],
    createForIssueComment: [
      "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    createForPullRequestReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    createForRelease: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    createForTeamDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    createForTeamDiscussionInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ],
    deleteForCommitComment: [
      "DELETE /repos/{owner}/{repo}/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}"
    ],
    deleteForIssueComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForPullRequestComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForRelease: [
      "DELETE /repos/{owner}/{repo}/releases/{release_id}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussion: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussionComment: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions/{reaction_id}"
    ],
    listForCommitComment: [
      "GET /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    listForIssue: ["GET /repos/{owner}/{repo}/issues/{issue_number}/reactions"],
    listForIssueComment: [
      "GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    listForPullRequestReviewComment: [
      "GET /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    listForRelease: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    listForTeamDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    listForTeamDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ]
  },
  repos: {
    acceptInvitation: [
      "PATCH /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "acceptInvitationForAuthenticatedUser"] }
    ],
    acceptInvitationForAuthenticatedUser: [
      "PATCH /user/repository_invitations/{invitation_id}"
    ],
    addAppAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    addCollaborator: ["PUT /repos/{owner}/{repo}/collaborators/{username}"],
    addStatusCheckContexts: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    addTeamAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    addUserAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    cancelPagesDeployment: [
      "POST /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}/cancel"
    ],
    checkAutomatedSecurityFixes: [
      "GET /repos/{owner}/{repo}/automated-security-fixes"
    ],
    checkCollaborator: ["GET /repos/{owner}/{repo}/collaborators/{username}"],
    checkImmutableReleases: ["GET /repos/{owner}/{repo}/immutable-releases"],
    checkPrivateVulnerabilityReporting: [
      "GET /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    checkVulnerabilityAlerts: [
      "GET /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    codeownersErrors: ["GET /repos/{owner}/{repo}/codeowners/errors"],
    compareCommits: ["GET /repos/{owner}/{repo}/compare/{base}...{head}"],
    compareCommitsWithBasehead: [
      "GET /repos/{owner}/{repo}/compare/{basehead}"
    ],
    createAttestation: ["POST /repos/{owner}/{repo}/attestations"],
    createAutolink: ["POST /repos/{owner}/{repo}/autolinks"],
    createCommitComment: [
      "POST /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    createCommitSignatureProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    createCommitStatus: ["POST /repos/{owner}/{repo}/statuses/{sha}"],
    createDeployKey: ["POST /repos/{owner}/{repo}/keys"],
    createDeployment: ["POST /repos/{owner}/{repo}/deployments"],
    createDeploymentBranchPolicy: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    createDeploymentProtectionRule: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    createDeploymentStatus: [
      "POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    createDispatchEvent: ["POST /repos/{owner}/{repo}/dispatches"],
    createForAuthenticatedUser: ["POST /user/repos"],
    createFork: ["POST /repos/{owner}/{repo}/forks"],
    createInOrg: ["POST /orgs/{org}/repos"],
    createOrUpdateEnvironment: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    createOrUpdateFileContents: ["PUT /repos/{owner}/{repo}/contents/{path}"],
    createOrgRuleset: ["POST /orgs/{org}/rulesets"],
    createPagesDeployment: ["POST /repos/{owner}/{repo}/pages/deployments"],
    createPagesSite: ["POST /repos/{owner}/{repo}/pages"],
    createRelease: ["POST /repos/{owner}/{repo}/releases"],
    createRepoRuleset: ["POST /repos/{owner}/{repo}/rulesets"],
    createUsingTemplate: [
      "POST /repos/{template_owner}/{template_repo}/generate"
    ],
    createWebhook: ["POST /repos/{owner}/{repo}/hooks"],
    customPropertiesForReposCreateOrUpdateRepositoryValues: [
      "PATCH /repos/{owner}/{repo}/properties/values"
    ],
    customPropertiesForReposGetRepositoryValues: [
      "GET /repos/{owner}/{repo}/properties/values"
    ],
    declineInvitation: [
      "DELETE /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "declineInvitationForAuthenticatedUser"] }
    ],
    declineInvitationForAuthenticatedUser: [
      "DELETE /user/repository_invitations/{invitation_id}"
    ],
    delete: ["DELETE /repos/{owner}/{repo}"],
    deleteAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    deleteAdminBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    deleteAnEnvironment: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    deleteAutolink: ["DELETE /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    deleteBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    deleteCommitComment: ["DELETE /repos/{owner}/{repo}/comments/{comment_id}"],
    deleteCommitSignatureProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    deleteDeployKey: ["DELETE /repos/{owner}/{repo}/keys/{key_id}"],
    deleteDeployment: [
      "DELETE /repos/{owner}/{repo}/deployments/{deployment_id}"
    ],
    deleteDeploymentBranchPolicy: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    deleteFile: ["DELETE /repos/{owner}/{repo}/contents/{path}"],
    deleteInvitation: [
      "DELETE /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    deleteOrgRuleset: ["DELETE /orgs/{org}/rulesets/{ruleset_id}"],
    deletePagesSite: ["DELETE /repos/{owner}/{repo}/pages"],
    deletePullRequestReviewProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    deleteRelease: ["DELETE /repos/{owner}/{repo}/releases/{release_id}"],
    deleteReleaseAsset: [
      "DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    deleteRepoRuleset: ["DELETE /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    deleteWebhook: ["DELETE /repos/{owner}/{repo}/hooks/{hook_id}"],
    disableAutomatedSecurityFixes: [
      "DELETE /repos/{owner}/{repo}/automated-security-fixes"
    ],
    disableDeploymentProtectionRule: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    disableImmutableReleases: [
      "DELETE /repos/{owner}/{repo}/immutable-releases"
    ],
    disablePrivateVulnerabilityReporting: [
      "DELETE /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    disableVulnerabilityAlerts: [
      "DELETE /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    downloadArchive: [
      "GET /repos/{owner}/{repo}/zipball/{ref}",
      {},
      { renamed: ["repos", "downloadZipballArchive"] }
    ],
    downloadTarballArchive: ["GET /repos/{owner}/{repo}/tarball/{ref}"],
    downloadZipballArchive: ["GET /repos/{owner}/{repo}/zipball/{ref}"],
    enableAutomatedSecurityFixes: [
      "PUT /repos/{owner}/{repo}/automated-security-fixes"
    ],
    enableImmutableReleases: ["PUT /repos/{owner}/{repo}/immutable-releases"],
    enablePrivateVulnerabilityReporting: [
      "PUT /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    enableVulnerabilityAlerts: [
      "PUT /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    generateReleaseNotes: [
      "POST /repos/{owner}/{repo}/releases/generate-notes"
    ],
    get: ["GET /repos/{owner}/{repo}"],
    getAccessRestrictions: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    getAdminBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    getAllDeploymentProtectionRules: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    getAllEnvironments: ["GET /repos/{owner}/{repo}/environments"],
    getAllStatusCheckContexts: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts"
    ],
    getAllTopics: ["GET /repos/{owner}/{repo}/topics"],
    getAppsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps"
    ],
    getAutolink: ["GET /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    getBranch: ["GET /repos/{owner}/{repo}/branches/{branch}"],
    getBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    getBranchRules: ["GET /repos/{owner}/{repo}/rules/branches/{branch}"],
    getClones: ["GET /repos/{owner}/{repo}/traffic/clones"],
    getCodeFrequencyStats: ["GET /repos/{owner}/{repo}/stats/code_frequency"],
    getCollaboratorPermissionLevel: [
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission"
    ],
    getCombinedStatusForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/status"],
    getCommit: ["GET /repos/{owner}/{repo}/commits/{ref}"],
    getCommitActivityStats: ["GET /repos/{owner}/{repo}/stats/commit_activity"],
    getCommitComment: ["GET /repos/{owner}/{repo}/comments/{comment_id}"],
    getCommitSignatureProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    getCommunityProfileMetrics: ["GET /repos/{owner}/{repo}/community/profile"],
    getContent: ["GET /repos/{owner}/{repo}/contents/{path}"],
    getContributorsStats: ["GET /repos/{owner}/{repo}/stats/contributors"],
    getCustomDeploymentProtectionRule: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    getDeployKey: ["GET /repos/{owner}/{repo}/keys/{key_id}"],
    getDeployment: ["GET /repos/{owner}/{repo}/deployments/{deployment_id}"],
    getDeploymentBranchPolicy: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    getDeploymentStatus: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}"
    ],
    getEnvironment: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    getLatestPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/latest"],
    getLatestRelease: ["GET /repos/{owner}/{repo}/releases/latest"],
    getOrgRuleSuite: ["GET /orgs/{org}/rulesets/rule-suites/{rule_suite_id}"],
    getOrgRuleSuites: ["GET /orgs/{org}/rulesets/rule-suites"],
    getOrgRuleset: ["GET /orgs/{org}/rulesets/{ruleset_id}"],
    getOrgRulesets: ["GET /orgs/{org}/rulesets"],
    getPages: ["GET /repos/{owner}/{repo}/pages"],
    getPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/{build_id}"],
    getPagesDeployment: [
      "GET /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}"
    ],
    getPagesHealthCheck: ["GET /repos/{owner}/{repo}/pages/health"],
    getParticipationStats: ["GET /repos/{owner}/{repo}/stats/participation"],
    getPullRequestReviewProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    getPunchCardStats: ["GET /repos/{owner}/{repo}/stats/punch_card"],
    getReadme: ["GET /repos/{owner}/{repo}/readme"],
    getReadmeInDirectory: ["GET /repos/{owner}/{repo}/readme/{dir}"],
    getRelease: ["GET /repos/{owner}/{repo}/releases/{release_id}"],
    getReleaseAsset: ["GET /repos/{owner}/{repo}/releases/assets/{asset_id}"],
    getReleaseByTag: ["GET /repos/{owner}/{repo}/releases/tags/{tag}"],
    getRepoRuleSuite: [
      "GET /repos/{owner}/{repo}/rulesets/rule-suites/{rule_suite_id}"
    ],
    getRepoRuleSuites: ["GET /repos/{owner}/{repo}/rulesets/rule-suites"],
    getRepoRuleset: ["GET /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    getRepoRulesetHistory: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history"
    ],
    getRepoRulesetVersion: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getRepoRulesets: ["GET /repos/{owner}/{repo}/rulesets"],
    getStatusChecksProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    getTeamsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams"
    ],
    getTopPaths: ["GET /repos/{owner}/{repo}/traffic/popular/paths"],
    getTopReferrers: ["GET /repos/{owner}/{repo}/traffic/popular/referrers"],
    getUsersWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users"
    ],
    getViews: ["GET /repos/{owner}/{repo}/traffic/views"],
    getWebhook: ["GET /repos/{owner}/{repo}/hooks/{hook_id}"],
    getWebhookConfigForRepo: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    getWebhookDelivery: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    listActivities: ["GET /repos/{owner}/{repo}/activity"],
    listAttestations: [
      "GET /repos/{owner}/{repo}/attestations/{subject_digest}"
    ],
    listAutolinks: ["GET /repos/{owner}/{repo}/autolinks"],
    listBranches: ["GET /repos/{owner}/{repo}/branches"],
    listBranchesForHeadCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/branches-where-head"
    ],
    listCollaborators: ["GET /repos/{owner}/{repo}/collaborators"],
    listCommentsForCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    listCommitCommentsForRepo: ["GET /repos/{owner}/{repo}/comments"],
    listCommitStatusesForRef: [
      "GET /repos/{owner}/{repo}/commits/{ref}/statuses"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/commits"],
    listContributors: ["GET /repos/{owner}/{repo}/contributors"],
    listCustomDeploymentRuleIntegrations: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/apps"
    ],
    listDeployKeys: ["GET /repos/{owner}/{repo}/keys"],
    listDeploymentBranchPolicies: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    listDeploymentStatuses: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    listDeployments: ["GET /repos/{owner}/{repo}/deployments"],
    listForAuthenticatedUser: ["GET /user/repos"],
    listForOrg: ["GET /orgs/{org}/repos"],
    listForUser: ["GET /users/{username}/repos"],
    listForks: ["GET /repos/{owner}/{repo}/forks"],
    listInvitations: ["GET /repos/{owner}/{repo}/invitations"],
    listInvitationsForAuthenticatedUser: ["GET /user/repository_invitations"],
    listLanguages: ["GET /repos/{owner}/{repo}/languages"],
    listPagesBuilds: ["GET /repos/{owner}/{repo}/pages/builds"],
    listPublic: ["GET /repositories"],
    listPullRequestsAssociatedWithCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls"
    ],
    listReleaseAssets: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/assets"
    ],
    listReleases: ["GET /repos/{owner}/{repo}/releases"],
    listTags: ["GET /repos/{owner}/{repo}/tags"],
    listTeams: ["GET /repos/{owner}/{repo}/teams"],
    listWebhookDeliveries: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries"
    ],
    listWebhooks: ["GET /repos/{owner}/{repo}/hooks"],
    merge: ["POST /repos/{owner}/{repo}/merges"],
    mergeUpstream: ["POST /repos/{owner}/{repo}/merge-upstream"],
    pingWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeAppAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    removeCollaborator: [
      "DELETE /repos/{owner}/{repo}/collaborators/{username}"
    ],
    removeStatusCheckContexts: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    removeStatusCheckProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    removeTeamAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    removeUserAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    renameBranch: ["POST /repos/{owner}/{repo}/branches/{branch}/rename"],
    replaceAllTopics: ["PUT /repos/{owner}/{repo}/topics"],
    requestPagesBuild: ["POST /repos/{owner}/{repo}/pages/builds"],
    setAdminBranchProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    setAppAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    setStatusCheckContexts: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    setTeamAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    setUserAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    testPushWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/tests"],
    transfer: ["POST /repos/{owner}/{repo}/transfer"],
    update: ["PATCH /repos/{owner}/{repo}"],
    updateBranchProtection: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    updateCommitComment: ["PATCH /repos/{owner}/{repo}/comments/{comment_id}"],
    updateDeploymentBranchPolicy: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    updateInformationAboutPagesSite: ["PUT /repos/{owner}/{repo}/pages"],
    updateInvitation: [
      "PATCH /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    updateOrgRuleset: ["PUT /orgs/{org}/rulesets/{ruleset_id}"],
    updatePullRequestReviewProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    updateRelease: ["PATCH /repos/{owner}/{repo}/releases/{release_id}"],
    updateReleaseAsset: [
      "PATCH /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    updateRepoRuleset: ["PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    updateStatusCheckPotection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks",
      {},
      { renamed: ["repos", "updateStatusCheckProtection"] }
    ],
    updateStatusCheckProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    updateWebhook: ["PATCH /repos/{owner}/{repo}/hooks/{hook_id}"],
    updateWebhookConfigForRepo: [
      "PATCH /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    uploadReleaseAsset: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}",
      { baseUrl: "https://uploads.github.com" }
    ]
  },
  search: {
    code: ["GET /search/code"],
    commits: ["GET /search/commits"],
    issuesAndPullRequests: ["GET /search/issues"],
    labels: ["GET /search/labels"],
    repos: ["GET /search/repositories"],
    topics: ["GET /search/topics"],
    users: ["GET /search/users"]
  },
  secretScanning: {
    createPushProtectionBypass: [
      "POST /repos/{owner}/{repo}/secret-scanning/push-protection-bypasses"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    getScanHistory: ["GET /repos/{owner}/{repo}/secret-scanning/scan-history"],
    listAlertsForOrg: ["GET /orgs/{org}/secret-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/secret-scanning/alerts"],
    listLocationsForAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations"
    ],
    listOrgPatternConfigs: [
      "GET /orgs/{org}/secret-scanning/pattern-configurations"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    updateOrgPatternConfigs: [
      "PATCH /orgs/{org}/secret-scanning/pattern-configurations"
    ]
  },
  securityAdvisories: {
    createFork: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/forks"
    ],
    createPrivateVulnerabilityReport: [
      "POST /repos/{owner}/{repo}/security-advisories/reports"
    ],
    createRepositoryAdvisory: [
      "POST /repos/{owner}/{repo}/security-advisories"
    ],
    createRepositoryAdvisoryCveRequest: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/cve"
    ],
    getGlobalAdvisory: ["GET /advisories/{ghsa_id}"],
    getRepositoryAdvisory: [
      "GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ],
    listGlobalAdvisories: ["GET /advisories"],
    listOrgRepositoryAdvisories: ["GET /orgs/{org}/security-advisories"],
    listRepositoryAdvisories: ["GET /repos/{owner}/{repo}/security-advisories"],
    updateRepositoryAdvisory: [
      "PATCH /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ]
  },
  teams: {
    addOrUpdateMembershipForUserInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    addOrUpdateRepoPermissionsInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    checkPermissionsForRepoInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    create: ["POST /orgs/{org}/teams"],
    createDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    createDiscussionInOrg: ["POST /orgs/{org}/teams/{team_slug}/discussions"],
    deleteDiscussionCommentInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    deleteDiscussionInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    deleteInOrg: ["DELETE /orgs/{org}/teams/{team_slug}"],
    getByName: ["GET /orgs/{org}/teams/{team_slug}"],
    getDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    getDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    getMembershipForUserInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    list: ["GET /orgs/{org}/teams"],
    listChildInOrg: ["GET /orgs/{org}/teams/{team_slug}/teams"],
    listDiscussionCommentsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    listDiscussionsInOrg: ["GET /orgs/{org}/teams/{team_slug}/discussions"],
    listForAuthenticatedUser: ["GET /user/teams"],
    listMembersInOrg: ["GET /orgs/{org}/teams/{team_slug}/members"],
    listPendingInvitationsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/invitations"
    ],
    listReposInOrg: ["GET /orgs/{org}/teams/{team_slug}/repos"],
    removeMembershipForUserInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    removeRepoInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    updateDiscussionCommentInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    updateDiscussionInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    updateInOrg: ["PATCH /orgs/{org}/teams/{team_slug}"]
  },
  users: {
    addEmailForAuthenticated: [
      "POST /user/emails",
      {},
      { renamed: ["users", "addEmailForAuthenticatedUser"] }
    ],
    addEmailForAuthenticatedUser: ["POST /user/emails"],
    addSocialAccountForAuthenticatedUser: ["POST /user/social_accounts"],
    block: ["PUT /user/blocks/{username}"],
    checkBlocked: ["GET /user/blocks/{username}"],
    checkFollowingForUser: ["GET /users/{username}/following/{target_user}"],
    checkPersonIsFollowedByAuthenticated: ["GET /user/following/{username}"],
    createGpgKeyForAuthenticated: [
      "POST /user/gpg_keys",
      {},
      { renamed: ["users", "createGpgKeyForAuthenticatedUser"] }
    ],
    createGpgKeyForAuthenticatedUser: ["POST /user/gpg_keys"],
    createPublicSshKeyForAuthenticated: [
      "POST /user/keys",
      {},
      { renamed: ["users", "createPublicSshKeyForAuthenticatedUser"] }
    ],
    createPublicSshKeyForAuthenticatedUser: ["POST /user/keys"],
    createSshSigningKeyForAuthenticatedUser: ["POST /user/ssh_signing_keys"],
    deleteAttestationsBulk: [
      "POST /users/{username}/attestations/delete-request"
    ],
    deleteAttestationsById: [
      "DELETE /users/{username}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /users/{username}/attestations/digest/{subject_digest}"
    ],
    deleteEmailForAuthenticated: [
      "DELETE /user/emails",
      {},
      { renamed: ["users", "deleteEmailForAuthenticatedUser"] }
    ],
    deleteEmailForAuthenticatedUser: ["DELETE /user/emails"],
    deleteGpgKeyForAuthenticated: [
      "DELETE /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "deleteGpgKeyForAuthenticatedUser"] }
    ],
    deleteGpgKeyForAuthenticatedUser: ["DELETE /user/gpg_keys/{gpg_key_id}"],
    deletePublicSshKeyForAuthenticated: [
      "DELETE /user/keys/{key_id}",
      {},
      { renamed: ["users", "deletePublicSshKeyForAuthenticatedUser"] }
    ],
    deletePublicSshKeyForAuthenticatedUser: ["DELETE /user/keys/{key_id}"],
    deleteSocialAccountForAuthenticatedUser: ["DELETE /user/social_accounts"],
    deleteSshSigningKeyForAuthenticatedUser: [
      "DELETE /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    follow: ["PUT /user/following/{username}"],
    getAuthenticated: ["GET /user"],
    getById: ["GET /user/{account_id}"],
    getByUsername: ["GET /users/{username}"],
    getContextForUser: ["GET /users/{username}/hovercard"],
    getGpgKeyForAuthenticated: [
      "GET /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "getGpgKeyForAuthenticatedUser"] }
    ],
    getGpgKeyForAuthenticatedUser: ["GET /user/gpg_keys/{gpg_key_id}"],
    getPublicSshKeyForAuthenticated: [
      "GET /user/keys/{key_id}",
      {},
      { renamed: ["users", "getPublicSshKeyForAuthenticatedUser"] }
    ],
    getPublicSshKeyForAuthenticatedUser: ["GET /user/keys/{key_id}"],
    getSshSigningKeyForAuthenticatedUser: [
      "GET /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    list: ["GET /users"],
    listAttestations: ["GET /users/{username}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /users/{username}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedByAuthenticated: [
      "GET /user/blocks",
      {},
      { renamed: ["users", "listBlockedByAuthenticatedUser"] }
    ],
    listBlockedByAuthenticatedUser: ["GET /user/blocks"],
    listEmailsForAuthenticated: [
      "GET /user/emails",
      {},
      { renamed: ["users", "listEmailsForAuthenticatedUser"] }
    ],
    listEmailsForAuthenticatedUser: ["GET /user/emails"],
    listFollowedByAuthenticated: [
      "GET /user/following",
      {},
      { renamed: ["users", "listFollowedByAuthenticatedUser"] }
    ],
    listFollowedByAuthenticatedUser: ["GET /user/following"],
    listFollowersForAuthenticatedUser: ["GET /user/followers"],
    listFollowersForUser: ["GET /users/{username}/followers"],
    listFollowingForUser: ["GET /users/{username}/following"],
    listGpgKeysForAuthenticated: [
      "GET /user/gpg_keys",
      {},
      { renamed: ["users", "listGpgKeysForAuthenticatedUser"] }
    ],
    listGpgKeysForAuthenticatedUser: ["GET /user/gpg_keys"],
    listGpgKeysForUser: ["GET /users/{username}/gpg_keys"],
    listPublicEmailsForAuthenticated: [
      "GET /user/public_emails",
      {},
      { renamed: ["users", "listPublicEmailsForAuthenticatedUser"] }
    ],
    listPublicEmailsForAuthenticatedUser: ["GET /user/public_emails"],
    listPublicKeysForUser: ["GET /users/{username}/keys"],
    listPublicSshKeysForAuthenticated: [
      "GET /user/keys",
      {},
      { renamed: ["users", "listPublicSshKeysForAuthenticatedUser"] }
    ],
    listPublicSshKeysForAuthenticatedUser: ["GET /user/keys"],
    listSocialAccountsForAuthenticatedUser: ["GET /user/social_accounts"],
    listSocialAccountsForUser: ["GET /users/{username}/social_accounts"],
    listSshSigningKeysForAuthenticatedUser: ["GET /user/ssh_signing_keys"],
    listSshSigningKeysForUser: ["GET /users/{username}/ssh_signing_keys"],
    setPrimaryEmailVisibilityForAuthenticated: [
      "PATCH /user/email/visibility",
      {},
      { renamed: ["users", "setPrimaryEmailVisibilityForAuthenticatedUser"] }
    ],
    setPrimaryEmailVisibilityForAuthenticatedUser: [
      "PATCH /user/email/visibility"
    ],
    unblock: ["DELETE /user/blocks/{username}"],
    unfollow: ["DELETE /user/following/{username}"],
    updateAuthenticated: ["PATCH /user"]
  }
};
var endpoints_default = Endpoints;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/endpoints-to-methods.js
var endpointMethodsMap = /* @__PURE__ */ new Map();
for (const [scope, endpoints] of Object.entries(endpoints_default)) {
  for (const [methodName, endpoint2] of Object.entries(endpoints)) {
    const [route, defaults, decorations] = endpoint2;
    const [method, url] = route.split(/ /);
    const endpointDefaults = Object.assign(
      {
        method,
        url
      },
      defaults
    );
    if (!endpointMethodsMap.has(scope)) {
      endpointMethodsMap.set(scope, /* @__PURE__ */ new Map());
    }
    endpointMethodsMap.get(scope).set(methodName, {
      scope,
      methodName,
      endpointDefaults,
      decorations
    });
  }
}
var handler = {
  has({ scope }, methodName) {
    return endpointMethodsMap.get(scope).has(methodName);
  },
  getOwnPropertyDescriptor(target, methodName) {
    return {
      value: this.get(target, methodName),
      // ensures method is in the cache
      configurable: true,
      writable: true,
      enumerable: true
    };
  },
  defineProperty(target, methodName, descriptor) {
    Object.defineProperty(target.cache, methodName, descriptor);
    return true;
  },
  deleteProperty(target, methodName) {
    delete target.cache[methodName];
    return true;
  },
  ownKeys({ scope }) {
    return [...endpointMethodsMap.get(scope).keys()];
  },
  set(target, methodName, value) {
    return target.cache[methodName] = value;
  },
  get({ octokit, scope, cache }, methodName) {
    if (cache[methodName]) {
      return cache[methodName];
    }
    const method = endpointMethodsMap.get(scope).get(methodName);
    if (!method) {
      return void 0;
    }
    const { endpointDefaults, decorations } = method;
    if (decorations) {
      cache[methodName] = decorate(
        octokit,
        scope,
        methodName,
        endpointDefaults,
        decorations
      );
    } else {
      cache[methodName] = octokit.request.defaults(endpointDefaults);
    }
    return cache[methodName];
  }
};
function endpointsToMethods(octokit) {
  const newMethods = {};
  for (const scope of endpointMethodsMap.keys()) {
    newMethods[scope] = new Proxy({ octokit, scope, cache: {} }, handler);
  }
  return newMethods;
}
function decorate(octokit, scope, methodName, defaults, decorations) {
  const requestWithDefaults = octokit.request.defaults(defaults);
  function withDecorations(...args) {
    let options = requestWithDefaults.endpoint.merge(...args);
    if (decorations.mapToData) {
      options = Object.assign({}, options, {
        data: options[decorations.mapToData],
        [decorations.mapToData]: void 0
      });
      return requestWithDefaults(options);
    }
    if (decorations.renamed) {
      const [newScope, newMethodName] = decorations.renamed;
      octokit.log.warn(
        `octokit.${scope}.${methodName}() has been renamed to octokit.${newScope}.${newMethodName}()`
      );
    }
    if (decorations.deprecated) {
      octokit.log.warn(decorations.deprecated);
    }
    if (decorations.renamedParameters) {
      const options2 = requestWithDefaults.endpoint.merge(...args);
      for (const [name, alias] of Object.entries(
        decorations.renamedParameters
      )) {
        if (name in options2) {
          octokit.log.warn(
            `"${name}" parameter is deprecated for "octokit.${scope}.${methodName}()". Use "${alias}" instead`
          );
          if (!(alias in options2)) {
            options2[alias] = options2[name];
          }
          delete options2[name];
        }
      }
      return requestWithDefaults(options2);
    }
    return requestWithDefaults(...args);
  }
  return Object.assign(withDecorations, requestWithDefaults);
}

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js
function restEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    rest: api
  };
}
restEndpointMethods.VERSION = VERSION9;
function legacyRestEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    ...api,
    rest: api
  };
}
legacyRestEndpointMethods.VERSION = VERSION9;

// node_modules/@octokit/rest/dist-src/version.js
var VERSION10 = "22.0.1";

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION10}`
  }
);

// src/adapters/github/client.ts
var import_light3 = __toESM(require_light(), 1);
var ClientClass = Octokit2.plugin(throttling, retry);
var DEFAULT_API_URL = "https://api.github.com";
function createGitHubClient(options) {
  const retries = options.retries ?? 3;
  const maxWait = options.maxWaitSeconds ?? 120;
  const timeScale = options.timeScale ?? 1e3;
  const silent = () => {
  };
  const log = options.log ?? { debug: silent, info: silent, warn: silent, error: silent };
  const waitOrGiveUp = (kind) => (retryAfter, request2, _, retryCount) => {
    const what = `${request2.method} ${request2.url}`;
    if (retryCount < retries && retryAfter <= maxWait) {
      log.warn(`GitHub ${kind} on ${what}: retrying in ${retryAfter} s`);
      return true;
    }
    log.warn(`GitHub ${kind} on ${what}: giving up after ${retryCount} retries`);
    return false;
  };
  return new ClientClass({
    auth: options.token,
    baseUrl: (options.baseUrl ?? DEFAULT_API_URL).replace(/\/+$/, ""),
    userAgent: "blastradius",
    // octokit logs every failed request as an error; we report failures once, with what to do.
    log: { debug: silent, info: silent, warn: log.warn, error: log.debug },
    // Not request.retries: that would retry every status, 404s included.
    retry: { retries, retryAfterBaseValue: timeScale },
    throttle: {
      id: options.throttleId ?? "blastradius",
      // GitHub's spacing between writes (1 s, 3 s for what notifies people), on the same scale.
      ...timeScale === 1e3 ? {} : spacedGroups(timeScale),
      retryAfterBaseValue: timeScale,
      onRateLimit: waitOrGiveUp("rate limit"),
      onSecondaryRateLimit: waitOrGiveUp("secondary rate limit")
    }
  });
}
function spacedGroups(timeScale) {
  return {
    write: new import_light3.default.Group({ maxConcurrent: 1, minTime: timeScale }),
    notifications: new import_light3.default.Group({ maxConcurrent: 1, minTime: 3 * timeScale })
  };
}

// src/adapters/github/github-error.ts
var PERMISSION = {
  "create a comment": "pull-requests: write",
  "update a comment": "pull-requests: write",
  "delete a comment": "pull-requests: write",
  "add a label": "issues: write",
  "remove a label": "issues: write",
  "request reviewers": "pull-requests: write",
  "read the pull request": "pull-requests: read",
  "list the pull request's files": "pull-requests: read",
  "list comments": "pull-requests: read",
  "read a file": "contents: read",
  "create an issue": "issues: write",
  "update an issue": "issues: write"
};
var GitHubApiError = class extends Error {
  constructor(action, status, githubMessage, permission, hint) {
    super(
      `cannot ${action}: GitHub answered ${status}${githubMessage ? ` "${githubMessage}"` : ""}`
    );
    this.action = action;
    this.status = status;
    this.githubMessage = githubMessage;
    this.permission = permission;
    this.hint = hint;
  }
  action;
  status;
  githubMessage;
  permission;
  hint;
  name = "GitHubApiError";
  /** A token that cannot write here: a fork's pull_request run, or missing `permissions:`. */
  get isPermission() {
    return this.permission !== void 0;
  }
};
function toGitHubError(action, error) {
  const e = error;
  const status = typeof e.status === "number" ? e.status : 0;
  const data = e.response?.data;
  const message = typeof data === "object" && data?.message || e.message || String(error);
  const forbidden = status === 403 && /not accessible by integration|must have .*(access|rights)|permission/i.test(message);
  return new GitHubApiError(
    action,
    status,
    message,
    forbidden ? PERMISSION[action] ?? "pull-requests: write" : void 0,
    /rate limit/i.test(message) ? "GitHub's rate limit was still in force after the retries" : void 0
  );
}
var NotAFileError = class extends Error {
  constructor(path, kind) {
    super(`${path} is a ${kind === "directory" ? "folder" : kind}, not a file; not read`);
    this.path = path;
    this.kind = kind;
  }
  path;
  kind;
  name = "NotAFileError";
};
var FileTooLargeError = class extends Error {
  constructor(path, size, maxBytes) {
    super(`${path} is ${size} bytes; at most ${maxBytes} are read`);
    this.path = path;
    this.size = size;
    this.maxBytes = maxBytes;
  }
  path;
  size;
  maxBytes;
  name = "FileTooLargeError";
};

// src/adapters/github/octokit-port.ts
function split(repo) {
  const [owner2 = "", name = ""] = repo.split("/");
  return { owner: owner2, repo: name };
}
async function attempt(action, call) {
  try {
    return await call();
  } catch (error) {
    if (error instanceof NotAFileError || error instanceof FileTooLargeError) throw error;
    throw toGitHubError(action, error);
  }
}
function fileStatus(status) {
  switch (status) {
    case "added":
    case "copied":
      return "added";
    case "removed":
      return "removed";
    case "renamed":
      return "renamed";
    default:
      return "modified";
  }
}
function toComment(data) {
  return {
    id: data.id,
    body: data.body ?? "",
    author: data.user?.login ?? "",
    authorType: data.user?.type ?? "",
    url: data.html_url
  };
}
function octokitPort(client) {
  let requests = 0;
  client.hook.before("request", () => {
    requests++;
  });
  return {
    requestCount: () => requests,
    getPullRequest: (repo, number) => attempt("read the pull request", async () => {
      const { data } = await client.rest.pulls.get({ ...split(repo), pull_number: number });
      return {
        repo,
        number: data.number,
        title: data.title,
        author: data.user?.login ?? "",
        state: data.state,
        htmlUrl: data.html_url,
        headSha: data.head.sha,
        baseSha: data.base.sha,
        baseRef: data.base.ref,
        headRepo: data.head.repo?.full_name,
        labels: data.labels.map((l) => l.name ?? "").filter(Boolean),
        changedFiles: data.changed_files,
        updatedAt: data.updated_at
      };
    }),
    listPullRequestFiles: (repo, number) => attempt("list the pull request's files", async () => {
      const files = await client.paginate(client.rest.pulls.listFiles, {
        ...split(repo),
        pull_number: number,
        per_page: 100
      });
      return files.map(
        (f) => f.status === "renamed" && f.previous_filename ? { path: f.filename, status: "renamed", previousPath: f.previous_filename } : { path: f.filename, status: fileStatus(f.status) }
      );
    }),
    listFolder: (repo, path, ref) => attempt("list a folder", async () => {
      try {
        const { data } = await client.rest.repos.getContent({
          ...split(repo),
          path: path === "." ? "" : path,
          ref
        });
        if (!Array.isArray(data)) return void 0;
        return data.filter((e) => e.type === "file" && e.download_url !== null).map((e) => e.name);
      } catch (error) {
        if (error.status === 404) return void 0;
        throw error;
      }
    }),
    readFile: (repo, path, ref, limit) => attempt("read a file", async () => {
      let data;
      try {
        ({ data } = await client.rest.repos.getContent({
          ...split(repo),
          path,
          ...ref ? { ref } : {}
        }));
      } catch (error) {
        if (error.status === 404) return void 0;
        throw error;
      }
      if (Array.isArray(data)) throw new NotAFileError(path, "directory");
      if (data.type === "symlink" || data.type === "submodule")
        throw new NotAFileError(path, data.type);
      if (data.type !== "file" || data.path !== path.replace(/^\.\//, ""))
        throw new NotAFileError(path, "symlink");
      if (limit && data.size > limit.maxBytes)
        throw new FileTooLargeError(path, data.size, limit.maxBytes);
      if (data.encoding === "base64") return Buffer.from(data.content, "base64").toString("utf8");
      const raw = await client.rest.repos.getContent({
        ...split(repo),
        path,
        ...ref ? { ref } : {},
        mediaType: { format: "raw" }
      });
      return String(raw.data);
    }),
    listComments: (repo, issue) => attempt("list comments", async () => {
      const comments = await client.paginate(client.rest.issues.listComments, {
        ...split(repo),
        issue_number: issue,
        per_page: 100
      });
      return comments.map(toComment);
    }),
    createComment: (repo, issue, body) => attempt("create a comment", async () => {
      const { data } = await client.rest.issues.createComment({
        ...split(repo),
        issue_number: issue,
        body
      });
      return toComment(data);
    }),
    updateComment: (repo, id, body) => attempt("update a comment", async () => {
      const { data } = await client.rest.issues.updateComment({
        ...split(repo),
        comment_id: id,
        body
      });
      return toComment(data);
    }),
    deleteComment: (repo, id) => attempt("delete a comment", async () => {
      await client.rest.issues.deleteComment({ ...split(repo), comment_id: id });
    }),
    addLabels: (repo, issue, labels) => attempt("add a label", async () => {
      await client.rest.issues.addLabels({
        ...split(repo),
        issue_number: issue,
        labels: [...labels]
      });
    }),
    removeLabel: (repo, issue, label) => attempt("remove a label", async () => {
      try {
        await client.rest.issues.removeLabel({
          ...split(repo),
          issue_number: issue,
          name: label
        });
      } catch (error) {
        if (error.status !== 404) throw error;
      }
    }),
    listMergedPullRequests: (repo, since, max) => attempt("list merged pull requests", async () => {
      const merged = [];
      for await (const page of client.paginate.iterator(client.rest.pulls.list, {
        ...split(repo),
        state: "closed",
        sort: "updated",
        direction: "desc",
        per_page: 100
      })) {
        let older = false;
        for (const pull of page.data) {
          if (Date.parse(pull.updated_at) / 1e3 < since) older = true;
          if (!pull.merged_at) continue;
          const mergedAt = Math.floor(Date.parse(pull.merged_at) / 1e3);
          if (mergedAt < since) continue;
          merged.push({
            repo,
            number: pull.number,
            title: pull.title,
            author: pull.user?.login ?? "",
            htmlUrl: pull.html_url,
            mergedAt
          });
        }
        if (older || merged.length >= max) break;
      }
      return merged.sort((a, b) => b.mergedAt - a.mergedAt).slice(0, max);
    }),
    listIssuesWithLabel: (repo, label) => attempt("list issues", async () => {
      const issues = await client.paginate(client.rest.issues.listForRepo, {
        ...split(repo),
        labels: label,
        state: "all",
        per_page: 100
      });
      return issues.map((i) => ({
        number: i.number,
        title: i.title,
        body: i.body ?? "",
        url: i.html_url
      }));
    }),
    createIssue: (repo, title, body, labels) => attempt("create an issue", async () => {
      const { data } = await client.rest.issues.create({
        ...split(repo),
        title,
        body,
        labels: [...labels]
      });
      return {
        number: data.number,
        title: data.title,
        body: data.body ?? "",
        url: data.html_url
      };
    }),
    updateIssue: (repo, number, title, body) => attempt("update an issue", async () => {
      const { data } = await client.rest.issues.update({
        ...split(repo),
        issue_number: number,
        title,
        body
      });
      return {
        number: data.number,
        title: data.title,
        body: data.body ?? "",
        url: data.html_url
      };
    }),
    requestReviewers: (repo, number, reviewers) => attempt("request reviewers", async () => {
      await client.rest.pulls.requestReviewers({
        ...split(repo),
        pull_number: number,
        reviewers: [...reviewers.users],
        team_reviewers: [...reviewers.teams]
      });
    })
  };
}

// src/adapters/fs/read-regular.ts
var import_node_fs = require("node:fs");
function describeKind(stats) {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  if (stats.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}
function readRegularFile(path, options) {
  let fd;
  try {
    fd = (0, import_node_fs.openSync)(
      path,
      import_node_fs.constants.O_RDONLY | import_node_fs.constants.O_NONBLOCK | (options.noFollow ? import_node_fs.constants.O_NOFOLLOW : 0)
    );
  } catch (error) {
    const code2 = error.code;
    if (code2 === "ENOENT" || code2 === "ENOTDIR")
      return { ok: false, reason: "missing", message: "no such file" };
    if (code2 === "ELOOP" && options.noFollow)
      return { ok: false, reason: "symlink", message: "is a symbolic link; not followed" };
    return { ok: false, reason: "unreadable", message: `cannot read it (${code2 ?? "error"})` };
  }
  try {
    const stats = (0, import_node_fs.fstatSync)(fd);
    if (!stats.isFile())
      return {
        ok: false,
        reason: "not-regular",
        message: `is ${describeKind(stats)}, not a regular file`
      };
    if (stats.size > options.maxBytes)
      return {
        ok: false,
        reason: "too-large",
        size: stats.size,
        message: `is ${stats.size} bytes; at most ${options.maxBytes} are read`
      };
    const buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = (0, import_node_fs.readSync)(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > stats.size)
      return {
        ok: false,
        reason: "unreadable",
        message: "grew while being read; try again"
      };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    const code2 = error.code;
    return {
      ok: false,
      reason: "unreadable",
      message: code2 === "EISDIR" ? "is a directory, not a regular file" : `cannot read it (${code2 ?? "error"})`
    };
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
}

// src/adapters/fs/read-text.ts
var decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
var MAX_FILE_BYTES = 512 * 1024 * 1024;
var readTextFile = (file) => {
  const read2 = readRegularFile(file, { maxBytes: MAX_FILE_BYTES });
  if (!read2.ok)
    return {
      ok: false,
      diagnostic: {
        severity: "error",
        code: read2.reason === "missing" ? "file-not-found" : read2.reason === "too-large" ? "file-too-large" : read2.reason === "not-regular" ? "not-a-regular-file" : "file-unreadable",
        file,
        message: read2.message,
        hint: read2.reason === "missing" ? "check the path, or pass --deps FILE" : read2.reason === "too-large" ? "split the graph into several files with include:" : read2.reason === "not-regular" ? "point at a regular file" : void 0
      }
    };
  return decode(file, read2.bytes);
};
function decode(file, bytes) {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, offset);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < before.length; i++) {
      if (before[i] === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return {
      ok: false,
      diagnostic: {
        severity: "error",
        code: "not-utf8",
        file,
        line,
        column: offset - lineStart + 1,
        message: `byte ${offset} is not valid UTF-8`,
        hint: "save the file as UTF-8"
      }
    };
  }
}
function firstInvalidUtf8(bytes) {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = low + high >> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid + 1), {
        stream: true
      });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  for (let back = 1; back <= 3 && low - back >= 0; back++) {
    const byte = bytes[low - back] ?? 0;
    if (byte >= 192) return low - back;
    if (byte < 128) break;
  }
  return low;
}

// src/core/classes.ts
var CHANGE_CLASSES = {
  deleted: "removed: whatever used it fails",
  replaced: "destroyed and recreated: a new ARN or id, so references to the old one break",
  renamed: "moved to a new name or address",
  "trust-narrowed": "fewer principals may assume the role (or use the binding), or under more conditions",
  "permissions-removed": "actions or resources it allowed are no longer allowed",
  unknown: "changed in a way that could not be read (no contents, an unknown value in a plan)",
  "trust-widened": "more principals may assume the role (or use the binding), or under fewer conditions",
  "permissions-added": "it allows actions or resources it did not before",
  modified: "changed in some other way (tags, descriptions, settings)",
  added: "new"
};
var CLASS_ORDER = Object.keys(CHANGE_CLASSES);
function compareClasses(a, b) {
  const order = CLASS_ORDER;
  const ia = order.indexOf(a);
  const ib = order.indexOf(b);
  if (ia !== ib) return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}
var TERRAFORM_FILE = /\.tf(\.json)?$/;
function classOfUncomparedFile(status, path) {
  if (status === "removed") return "deleted";
  if (status === "modified" && TERRAFORM_FILE.test(path)) return "unknown";
  return status;
}
var IAM_BREAKS = [
  "deleted",
  "replaced",
  "renamed",
  "trust-narrowed",
  "unknown"
];
var IAM_USE_BREAKS = [...IAM_BREAKS, "permissions-removed"];
var POLICY_BREAKS = [
  "deleted",
  "replaced",
  "renamed",
  "permissions-removed",
  "unknown"
];
var DEFAULT_BREAKS_ON = {
  // Assuming a role needs its trust; what it may do once assumed is the dependent's risk.
  "assumes-role": IAM_BREAKS,
  // These use the role's permissions as well as its trust.
  "token-exchange": IAM_USE_BREAKS,
  "runs-as": IAM_USE_BREAKS,
  "binds-role": IAM_USE_BREAKS,
  references: IAM_USE_BREAKS,
  "uses-policy": POLICY_BREAKS,
  "attaches-policy": POLICY_BREAKS
};

// src/core/classify/aws-iam.ts
var TRUST_ATTRIBUTE = {
  aws_iam_role: "assume_role_policy"
};
var POLICY_ATTRIBUTE = {
  aws_iam_policy: "policy",
  aws_iam_role_policy: "policy",
  aws_iam_user_policy: "policy",
  aws_iam_group_policy: "policy"
};
var IDENTITY_TYPES = [
  "aws_iam_role",
  "aws_iam_policy",
  "aws_iam_user",
  "aws_iam_group",
  "aws_iam_instance_profile",
  "aws_iam_openid_connect_provider",
  "aws_iam_saml_provider",
  "google_service_account",
  "google_project_iam_custom_role",
  "azurerm_user_assigned_identity",
  "azurerm_role_definition"
];
var FORCES_NEW = {
  aws_iam_role: ["name", "name_prefix", "path"],
  aws_iam_policy: ["name", "name_prefix", "path", "description"],
  aws_iam_user: [],
  aws_iam_group: [],
  aws_iam_instance_profile: ["name", "name_prefix", "path"],
  aws_iam_openid_connect_provider: ["url"],
  aws_iam_saml_provider: ["name"],
  aws_iam_role_policy: ["name", "name_prefix", "role"],
  aws_iam_user_policy: ["name", "name_prefix", "user"],
  aws_iam_group_policy: ["name", "name_prefix", "group"],
  aws_iam_role_policy_attachment: ["role", "policy_arn"],
  aws_iam_user_policy_attachment: ["user", "policy_arn"],
  aws_iam_group_policy_attachment: ["group", "policy_arn"],
  aws_iam_policy_attachment: ["name", "policy_arn"],
  aws_iam_user_group_membership: ["user"],
  google_service_account: ["account_id", "project"],
  google_project_iam_custom_role: ["role_id", "project"],
  google_service_account_iam_member: ["service_account_id", "role", "member", "condition"],
  google_service_account_iam_binding: ["service_account_id", "role", "condition"],
  google_service_account_key: [
    "service_account_id",
    "key_algorithm",
    "public_key_type",
    "private_key_type",
    "public_key_data",
    "keepers"
  ],
  azurerm_user_assigned_identity: ["name", "resource_group_name", "location"],
  azurerm_role_definition: ["role_definition_id", "scope"],
  azurerm_role_assignment: [
    "name",
    "scope",
    "role_definition_id",
    "role_definition_name",
    "principal_id",
    "principal_type"
  ]
};
var PROVIDER_DEFAULTS = {
  aws_iam_role: { path: "/" },
  aws_iam_policy: { path: "/" },
  aws_iam_user: { path: "/" },
  aws_iam_group: { path: "/" },
  aws_iam_instance_profile: { path: "/" }
};
var DENY_ONLY_MANAGED = /* @__PURE__ */ new Set([
  "AWSDenyAll",
  "AWSCompromisedKeyQuarantine",
  "AWSCompromisedKeyQuarantineV2",
  "AWSCompromisedKeyQuarantineV3"
]);
function denyOnlyManagedPolicy(arn) {
  const name = /^arn:aws(?:-[a-z-]+)?:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/.exec(
    arn
  )?.[1];
  return name && DENY_ONLY_MANAGED.has(name) ? name : void 0;
}
var DENY_ALL_DOCUMENT = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Deny", Action: "*", Resource: "*" }]
};
var EXCLUSIVE = {
  aws_iam_role_policy_attachments_exclusive: {
    owner: "role_name",
    type: "aws_iam_role",
    list: "policy_arns",
    inline: false
  },
  aws_iam_user_policy_attachments_exclusive: {
    owner: "user_name",
    type: "aws_iam_user",
    list: "policy_arns",
    inline: false
  },
  aws_iam_group_policy_attachments_exclusive: {
    owner: "group_name",
    type: "aws_iam_group",
    list: "policy_arns",
    inline: false
  },
  aws_iam_role_policies_exclusive: {
    owner: "role_name",
    type: "aws_iam_role",
    list: "policy_names",
    inline: true
  },
  aws_iam_user_policies_exclusive: {
    owner: "user_name",
    type: "aws_iam_user",
    list: "policy_names",
    inline: true
  },
  aws_iam_group_policies_exclusive: {
    owner: "group_name",
    type: "aws_iam_group",
    list: "policy_names",
    inline: true
  }
};

// src/core/classify/json-shapes.ts
function record(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}
function list(value) {
  return Array.isArray(value) ? value : value === void 0 || value === null ? [] : [value];
}

// src/core/classify/iam-document.ts
var EXPRESSION = /^\$\{([\s\S]*)\}$/;
var POLICY_VARIABLE = /^\$\{(?:[\w-]+:[\w\-./:]+|\*|\?|\$)\}$/;
function values(raw) {
  const list3 = Array.isArray(raw) ? raw : raw === void 0 || raw === null ? [] : [raw];
  const literal2 = [];
  const expressions = [];
  for (const item of list3) {
    if (typeof item !== "string") {
      if (typeof item === "number" || typeof item === "boolean") literal2.push(String(item));
      continue;
    }
    const expression = EXPRESSION.exec(item);
    if (expression && !item.slice(2, -1).includes("${") && !POLICY_VARIABLE.test(item))
      expressions.push(expression[1].trim());
    else literal2.push(item);
  }
  return { literal: literal2, expressions };
}
function principalSets(raw) {
  if (raw === "*") return [{ type: "*", ids: { literal: ["*"], expressions: [] } }];
  return Object.entries(record(raw)).map(([type, ids2]) => ({ type, ids: values(ids2) }));
}
function policyFromJson(input) {
  let value = input;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return void 0;
    }
  }
  const doc = record(value);
  if (!("Statement" in doc)) return void 0;
  const statements = list(doc.Statement).map((raw) => {
    const s = record(raw);
    const conditions = [];
    for (const [test, byKey] of Object.entries(record(s.Condition))) {
      for (const [variable, raw2] of Object.entries(record(byKey)))
        conditions.push({ test, variable, values: values(raw2) });
    }
    return {
      effect: s.Effect === "Deny" ? "Deny" : "Allow",
      actions: values(s.Action),
      notActions: values(s.NotAction),
      resources: values(s.Resource),
      notResources: values(s.NotResource),
      principals: principalSets(s.Principal),
      notPrincipals: principalSets(s.NotPrincipal),
      conditions
    };
  });
  return { statements };
}
function isTrustPolicy(doc) {
  return doc.statements.some((s) => s.principals.length > 0 || s.notPrincipals.length > 0);
}
function expressionsOf(doc) {
  const out = [];
  for (const s of doc.statements) {
    out.push(
      ...s.actions.expressions,
      ...s.notActions.expressions,
      ...s.resources.expressions,
      ...s.notResources.expressions
    );
    for (const p of [...s.principals, ...s.notPrincipals]) out.push(...p.ids.expressions);
    for (const c of s.conditions) out.push(...c.values.expressions);
  }
  return [...new Set(out)].sort();
}
function clauseText(c) {
  const written = [...c.values.literal, ...c.values.expressions.map((e) => `\${${e}}`)].sort();
  return `${c.test} ${c.variable} ${written.join(",")}`;
}

// src/core/classify/iam-pattern.ts
var hasWildcard = (pattern) => /[*?]/.test(pattern);
function covers(pattern, value, ignoreCase = true) {
  if (pattern === value) return true;
  if (!hasWildcard(pattern)) return ignoreCase && pattern.toLowerCase() === value.toLowerCase();
  return ignoreCase ? glob(pattern.toLowerCase(), value.toLowerCase()) : glob(pattern, value);
}
function glob(pattern, value) {
  let p = 0;
  let v = 0;
  let star = -1;
  let resume = 0;
  while (v < value.length) {
    const c = pattern[p];
    if (c === "*") {
      star = p++;
      resume = v;
    } else if (c !== void 0 && (c === "?" || c === value[v])) {
      p++;
      v++;
    } else if (star >= 0) {
      p = star + 1;
      v = ++resume;
    } else return false;
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}
var UNKNOWN_PART = /\$\{[^}]*\}/;
var UNKNOWN_PARTS = /\$\{[^}]*\}/g;
function coversWritten(pattern, value) {
  return covers(pattern.replace(UNKNOWN_PARTS, "*"), value.replace(UNKNOWN_PARTS, "x"), false);
}
var PRINCIPAL_ARN = /^(ArnLike|ArnEquals|StringLike|StringEquals) aws:PrincipalArn (.+)$/i;
var WITNESS_MARK = "\xB7";
var MAX_RUN_LENGTHS = 6;
var MAX_FULL_PRODUCT = 27;
function witnesses(pattern, counts = /* @__PURE__ */ new Set()) {
  const parts = pattern.split(/([*?]+)/);
  const options = parts.map((part, i) => {
    if (i % 2 === 0) return [part];
    const q = part.replace(/\*/g, "").length;
    if (!part.includes("*")) return [WITNESS_MARK.repeat(q)];
    const lengths = /* @__PURE__ */ new Set([q, q + 1, q + 2]);
    for (const c of [...counts].sort((a, b) => a - b))
      if (c > q) {
        for (const l of [c, c + 1]) if (lengths.size < MAX_RUN_LENGTHS) lengths.add(l);
      }
    return [...lengths].map((l) => WITNESS_MARK.repeat(l));
  });
  const product = options.reduce((n, o) => n * o.length, 1);
  const out = /* @__PURE__ */ new Set();
  if (product <= MAX_FULL_PRODUCT) {
    let partial = [""];
    for (const o of options) partial = partial.flatMap((head) => o.map((x) => head + x));
    for (const w of partial) out.add(w);
  } else {
    const at3 = (o, k) => o[Math.min(k, o.length - 1)];
    const widest = Math.max(...options.map((o) => o.length));
    for (let k = 0; k < widest; k++) out.add(options.map((o) => at3(o, k)).join(""));
    options.forEach((varied, i) => {
      for (const x of varied) out.add(options.map((o, j) => j === i ? x : at3(o, 1)).join(""));
    });
  }
  return [...out];
}
function questionCounts(patterns) {
  const counts = /* @__PURE__ */ new Set();
  for (const p of patterns)
    for (const run2 of p.match(/[*?]+/g) ?? []) counts.add(run2.replace(/\*/g, "").length);
  return counts;
}
function commonWitness(p, q) {
  const width = q.length + 1;
  const parent = /* @__PURE__ */ new Map();
  const start = 0;
  const queue = [start];
  const seen = /* @__PURE__ */ new Set([start]);
  const visit = (from, to, char) => {
    if (seen.has(to)) return;
    seen.add(to);
    parent.set(to, { from, char });
    queue.push(to);
  };
  const after = (pattern, at3, char) => {
    const c = pattern[at3];
    if (c === "*") return at3;
    if (c === "?" || c !== void 0 && c === char) return at3 + 1;
    return void 0;
  };
  for (let k = 0; k < queue.length; k++) {
    const state = queue[k];
    const i = Math.floor(state / width);
    const j = state % width;
    if (i === p.length && j === q.length) {
      let text4 = "";
      for (let at3 = state; at3 !== start; ) {
        const step = parent.get(at3);
        text4 = step.char + text4;
        at3 = step.from;
      }
      return text4;
    }
    if (p[i] === "*") visit(state, (i + 1) * width + j, "");
    if (q[j] === "*") visit(state, i * width + j + 1, "");
    for (const char of /* @__PURE__ */ new Set([p[i], q[j], WITNESS_MARK])) {
      if (char === void 0 || char === "*" || char === "?") continue;
      const ni = after(p, i, char);
      const nj = after(q, j, char);
      if (ni !== void 0 && nj !== void 0) visit(state, ni * width + nj, char);
    }
  }
  return void 0;
}
var PatternIndex = class {
  constructor(ignoreCase) {
    this.ignoreCase = ignoreCase;
  }
  ignoreCase;
  exact = /* @__PURE__ */ new Map();
  prefixed = /* @__PURE__ */ new Map();
  prefixLengths = /* @__PURE__ */ new Set();
  always = [];
  add(pattern, item) {
    const p = this.ignoreCase ? pattern.toLowerCase() : pattern;
    const at3 = p.search(/[*?]/);
    if (at3 < 0) push(this.exact, p, item);
    else {
      push(this.prefixed, p.slice(0, at3), item);
      this.prefixLengths.add(at3);
    }
  }
  /** An item that may match any value (a NotAction statement, say). */
  addAlways(item) {
    this.always.push(item);
  }
  /** Items whose patterns may cover the value: a superset, each still to be matched. */
  query(value) {
    const v = this.ignoreCase ? value.toLowerCase() : value;
    const out = new Set(this.always);
    for (const item of this.exact.get(v) ?? []) out.add(item);
    for (const length of this.prefixLengths) {
      if (length > v.length) continue;
      for (const item of this.prefixed.get(v.slice(0, length)) ?? []) out.add(item);
    }
    return out;
  }
};
function push(map, key, item) {
  const list3 = map.get(key);
  if (list3) list3.push(item);
  else map.set(key, [item]);
}

// src/core/classify/iam-evaluate.ts
var MAX_CLAUSES = 10;
var MAX_OPERATIONS = 1e6;
var ASSUME_ACTIONS = [
  "sts:AssumeRole",
  "sts:AssumeRoleWithSAML",
  "sts:AssumeRoleWithWebIdentity"
];
var TRUST_ACTIONS = [
  ...ASSUME_ACTIONS,
  "sts:TagSession",
  "sts:SetSourceIdentity",
  "sts:SetContext"
];
var isAssume = (action) => /^sts:assumerole\w*$/i.test(action);
function principalId(type, id) {
  return type === "AWS" && /^\d{12}$/.test(id) ? `arn:aws:iam::${id}:root` : id;
}
function compile(statement) {
  const s = statement;
  const named2 = (v) => v.literal.length > 0;
  const written = (v) => v.literal.length + v.expressions.length > 0;
  const principals = s.principals.length > 0 || s.notPrincipals.length === 0;
  const unstated = !written(s.actions) && !written(s.notActions) && s.principals.length > 0;
  return {
    statement: s,
    allow: s.effect === "Allow",
    ...unstated ? { actions: ["sts:AssumeRole"] } : !written(s.actions) && written(s.notActions) ? { notActions: s.notActions.literal } : { actions: s.actions.literal },
    // No Resource at all reads as every resource, as the documents this tool has always read.
    ...named2(s.resources) || !written(s.notResources) ? { resources: named2(s.resources) ? s.resources.literal : ["*"] } : { notResources: s.notResources.literal },
    ...principals ? { principals: s.principals } : { notPrincipals: s.notPrincipals },
    clauses: [...new Set(s.conditions.map(clauseText))].sort()
  };
}
var anyCovers = (patterns, value, ignoreCase) => patterns.some((p) => covers(p, value, ignoreCase));
function matchesAction(c, action) {
  return c.actions ? anyCovers(c.actions, action, true) : !anyCovers(c.notActions ?? [], action, true);
}
function matchesResource(c, resource) {
  return c.resources ? anyCovers(c.resources, resource, false) : !anyCovers(c.notResources ?? [], resource, false);
}
function setCovers(set, p) {
  if (set.type !== "*" && set.type !== p.type) return false;
  return set.ids.literal.some((id) => {
    if (id === "*") return true;
    const named2 = principalId(set.type, id);
    if (covers(named2, p.id, false)) return true;
    const account = p.type === "AWS" ? ROOT.exec(named2)?.[1] : void 0;
    return account !== void 0 && ACCOUNT.exec(p.id)?.[1] === account;
  });
}
var ROOT = /^arn:aws[\w-]*:iam::(\d{12}):root$/;
var ACCOUNT = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/;
function matchesPrincipal(c, p) {
  return c.principals ? c.principals.some((set) => setCovers(set, p)) : !(c.notPrincipals ?? []).some((set) => setCovers(set, p));
}
var Candidates = class {
  constructor(ignoreCase) {
    this.ignoreCase = ignoreCase;
  }
  ignoreCase;
  byKey = /* @__PURE__ */ new Map();
  patterns = /* @__PURE__ */ new Set();
  addPattern(pattern) {
    if (hasWildcard(pattern)) this.patterns.add(this.ignoreCase ? pattern.toLowerCase() : pattern);
    else this.add({ value: pattern, literal: pattern });
  }
  /** The witnesses of every pattern, at the lengths all of them together tell apart. */
  addWitnesses(cache) {
    const counts = /* @__PURE__ */ new Set();
    for (const c of questionCounts(this.patterns))
      if (c <= MAX_QUESTION_RUN) counts.add(c);
      else cache.longRuns = true;
    for (const p of this.patterns)
      for (const value of cache.witnesses(p, counts)) this.add({ value });
  }
  /**
   * A value in each overlap of two wildcard patterns (`s3:Get*` and `s3:*Object`), which
   * neither pattern's own witness need fall in. Only patterns whose literal starts and ends
   * agree can overlap; those are found through an index. Returns false when the pairs to try
   * went past the budget.
   */
  addOverlaps(cache) {
    const index2 = new PatternIndex(false);
    for (const p of this.patterns) index2.add(p, p);
    for (const p of this.patterns) {
      const head = p.slice(0, p.search(/[*?]/));
      for (const q of index2.query(head)) {
        if (q === p) continue;
        const value = cache.overlap(p, q);
        if (value === false) return false;
        if (value !== void 0) this.add({ value });
      }
    }
    return true;
  }
  add(candidate) {
    const key = this.ignoreCase ? candidate.value.toLowerCase() : candidate.value;
    if (!this.byKey.has(key)) this.byKey.set(key, candidate);
  }
};
var FRESH = { value: WITNESS_MARK.repeat(2) };
var MAX_QUESTION_RUN = 64;
var MAX_OVERLAPS = 5e4;
var OverlapCache = class {
  constructor(budget2) {
    this.budget = budget2;
  }
  budget;
  known = /* @__PURE__ */ new Map();
  exceeded = false;
  /** Some pattern wrote a run of more than MAX_QUESTION_RUN `?`. */
  longRuns = false;
  witnessed = /* @__PURE__ */ new Map();
  /** A pattern's witnesses, made once per comparison: the same resource recurs per action. */
  witnesses(pattern, counts) {
    const key = `${pattern}\0${[...counts].join(",")}`;
    let values2 = this.witnessed.get(key);
    if (!values2) {
      values2 = witnesses(pattern, counts);
      this.witnessed.set(key, values2);
    }
    return values2;
  }
  /** A value both cover; undefined when they cannot overlap; false past a limit. */
  overlap(p, q) {
    if (!this.budget.spend(1)) return false;
    const [a, b] = p < q ? [p, q] : [q, p];
    const key = `${a}\0${b}`;
    if (this.known.has(key)) return this.known.get(key);
    if (!tailsAgree(a, b)) return void 0;
    if (this.known.size >= MAX_OVERLAPS) {
      this.exceeded = true;
      return false;
    }
    const marked = (x) => x.replace(/\*+/g, `*${WITNESS_MARK}*`);
    const value = commonWitness(marked(a), b) ?? commonWitness(a, marked(b)) ?? commonWitness(a, b);
    this.known.set(key, value);
    return value;
  }
};
function tailsAgree(p, q) {
  const tail = (x) => x.slice(Math.max(x.lastIndexOf("*"), x.lastIndexOf("?")) + 1);
  const [a, b] = [tail(p), tail(q)];
  return a.endsWith(b) || b.endsWith(a);
}
function sideOf(doc) {
  const statements = doc.statements.map(compile);
  const byAction = new PatternIndex(true);
  const byPrincipal = new PatternIndex(false);
  for (const c of statements) {
    if (c.actions) for (const a of c.actions) byAction.add(a, c);
    else byAction.addAlways(c);
    if (!c.principals) byPrincipal.addAlways(c);
    else
      for (const set of c.principals)
        for (const id of set.ids.literal)
          if (set.type === "*" || id === "*") byPrincipal.addAlways(c);
          else {
            const named2 = principalId(set.type, id);
            byPrincipal.add(`${set.type}\0${named2}`, c);
            const account = set.type === "AWS" ? ROOT.exec(named2)?.[1] : void 0;
            if (account)
              for (const partition of ["aws", "aws-cn", "aws-us-gov"])
                for (const service of ["iam", "sts"])
                  byPrincipal.add(`AWS\0arn:${partition}:${service}::${account}:*`, c);
          }
  }
  return { statements, byAction, byPrincipal, order: new Map(statements.map((c, i) => [c, i])) };
}
var Budget = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  operations = 0;
  exceeded = false;
  spend(n) {
    this.operations += n;
    if (this.operations > this.limit) this.exceeded = true;
    return !this.exceeded;
  }
};
function allowedUnder(matched, masks, m) {
  let allowed = false;
  for (let i = 0; i < matched.length; i++) {
    const need = masks[i];
    if ((need & m) !== need) continue;
    if (!matched[i].allow) return false;
    allowed = true;
  }
  return allowed;
}
var NOTHING_KNOWN = /* @__PURE__ */ new Map();
function judge(before, after, known = NOTHING_KNOWN, budget2) {
  if (before.every((c) => c.clauses.length === 0) && after.every((c) => c.clauses.length === 0)) {
    const b = allowedUnder(before, new Array(before.length).fill(0), 0);
    const a = allowedUnder(after, new Array(after.length).fill(0), 0);
    return b === a ? void 0 : b ? "lost" : "gained";
  }
  const applies = (c) => c.clauses.every((k) => known.get(k) !== false);
  const was = before.filter(applies);
  const now = after.filter(applies);
  const clauses = [...new Set([...was, ...now].flatMap((c) => c.clauses))].filter(
    (k) => !known.has(k)
  );
  if (clauses.length > MAX_CLAUSES) return "unknown";
  const bit = new Map(clauses.map((c, i) => [c, 1 << i]));
  const mask = (c) => c.clauses.reduce((m, k) => m | (bit.get(k) ?? 0), 0);
  const mb = was.map(mask);
  const ma = now.map(mask);
  budget2?.spend((1 << clauses.length) * (was.length + now.length));
  let lost = false;
  let gained = false;
  let anyBefore = false;
  let anyAfter = false;
  for (let m = 0; m < 1 << clauses.length; m++) {
    const b = allowedUnder(was, mb, m);
    const a = allowedUnder(now, ma, m);
    anyBefore ||= b;
    anyAfter ||= a;
    if (b && !a) lost = true;
    if (a && !b) gained = true;
  }
  if (!lost && !gained) return void 0;
  if (lost && gained) return "changed";
  if (lost) return anyAfter ? "narrowed" : "lost";
  return anyBefore ? "widened" : "gained";
}
function principalCandidates(sides, overlaps) {
  const types = /* @__PURE__ */ new Set(["\xB7"]);
  const patterns = [];
  for (const side of sides)
    for (const c of side.statements)
      for (const set of [...c.principals ?? [], ...c.notPrincipals ?? []]) {
        if (set.type !== "*") types.add(set.type);
        for (const id of set.ids.literal) patterns.push({ type: set.type, id });
      }
  const out = /* @__PURE__ */ new Map();
  const add = (candidate) => {
    const key = `${candidate.type}\0${candidate.value}`;
    if (!out.has(key)) out.set(key, candidate);
  };
  const wildcards = /* @__PURE__ */ new Map();
  for (const { type, id } of patterns) {
    for (const t of type === "*" ? types : [type]) {
      if (id === "*") continue;
      const value = principalId(t, id);
      if (hasWildcard(value)) {
        const of = wildcards.get(t) ?? new Candidates(false);
        of.addPattern(value);
        wildcards.set(t, of);
      } else {
        add({ type: t, value, literal: id });
        const account = t === "AWS" ? ROOT.exec(value)?.[1] : void 0;
        if (account) add({ type: t, value: `arn:aws:iam::${account}:role/${WITNESS_MARK}` });
      }
    }
  }
  for (const [t, of] of wildcards) {
    of.addWitnesses(overlaps);
    of.addOverlaps(overlaps);
    for (const c of of.byKey.values()) add({ type: t, value: c.value });
  }
  for (const t of types) add({ type: t, value: FRESH.value });
  return [...out.values()];
}
function trustActionCandidates(sides, overlaps) {
  const all = new Candidates(true);
  for (const side of sides)
    for (const c of side.statements)
      for (const a of c.actions ?? c.notActions ?? []) {
        if (isSts(a)) all.addPattern(a);
        else if (hasWildcard(a)) {
          const value = overlaps.overlap(a.toLowerCase(), "sts:*");
          if (value) all.add({ value });
        }
      }
  all.addWitnesses(overlaps);
  all.addOverlaps(overlaps);
  for (const value of TRUST_ACTIONS) all.add({ value });
  all.add({ value: `sts:${FRESH.value}` });
  return [...all.byKey.values()].filter((c) => isSts(c.value));
}
var isSts = (action) => action.toLowerCase().startsWith("sts:");
function actionCandidates(statements, overlaps) {
  const all = new Candidates(true);
  for (const c of statements) for (const a of c.actions ?? c.notActions ?? []) all.addPattern(a);
  all.addWitnesses(overlaps);
  all.addOverlaps(overlaps);
  all.add({ value: `${FRESH.value}:${FRESH.value}` });
  return [...all.byKey.values()];
}
function resourceCandidates(statements, overlaps) {
  const all = new Candidates(false);
  for (const c of statements)
    for (const r of c.resources ?? c.notResources ?? []) all.addPattern(r);
  all.addWitnesses(overlaps);
  all.addOverlaps(overlaps);
  all.add(FRESH);
  return [...all.byKey.values()];
}
function resourceMatcher(statements, order, budget2) {
  const keep = (c, r) => {
    budget2.spend(1);
    return matchesResource(c, r);
  };
  if (statements.length <= 16) return (r) => statements.filter((c) => keep(c, r));
  const index2 = new PatternIndex(false);
  for (const c of statements)
    if (c.resources) for (const r of c.resources) index2.add(r, c);
    else index2.addAlways(c);
  return (r) => [...index2.query(r)].filter((c) => keep(c, r)).sort((a, b) => order.get(a) - order.get(b));
}
function inOrder(side, found, keep) {
  const order = side.order;
  return [...found].filter(keep).sort((a, b) => order.get(a) - order.get(b));
}
function knownClauses(point, statements) {
  const p = point.principal;
  if (!p?.literal || p.type !== "AWS" || !p.value.startsWith("arn:")) return NOTHING_KNOWN;
  const known = /* @__PURE__ */ new Map();
  for (const c of statements)
    for (const k of c.clauses) {
      const match = PRINCIPAL_ARN.exec(k);
      if (match)
        known.set(
          k,
          match[2].split(",").some((v) => coversWritten(v, p.value))
        );
    }
  return known;
}
function compareDocuments(before, after, mode, limit = MAX_OPERATIONS) {
  const sides = [sideOf(before), sideOf(after)];
  const budget2 = new Budget(limit);
  const overlaps = new OverlapCache(budget2);
  const differences = [];
  let clauseCapped = 0;
  const record2 = (point, matchedBefore, matchedAfter) => {
    const known = knownClauses(point, [...matchedBefore, ...matchedAfter]);
    const applies = (c) => c.clauses.every((k) => known.get(k) !== false);
    const b = known.size === 0 ? matchedBefore : matchedBefore.filter(applies);
    const a = known.size === 0 ? matchedAfter : matchedAfter.filter(applies);
    const kind = judge(b, a, known, budget2);
    if (kind === "unknown") clauseCapped++;
    else if (kind) differences.push({ kind, point, before: b, after: a });
  };
  if (mode === "trust") {
    const actions = trustActionCandidates(sides, overlaps);
    for (const principal of principalCandidates(sides, overlaps)) {
      const p = { type: principal.type, id: principal.value };
      const [b, a] = sides.map((side) => {
        const found = side.byPrincipal.query(`${p.type}\0${p.id}`);
        budget2.spend(found.size);
        return inOrder(side, found, (c) => matchesPrincipal(c, p));
      });
      if (b.length + a.length === 0) continue;
      for (const action of actions) {
        if (!budget2.spend(b.length + a.length)) break;
        record2(
          { principal, action },
          b.filter((c) => matchesAction(c, action.value)),
          a.filter((c) => matchesAction(c, action.value))
        );
      }
      if (budget2.exceeded) break;
    }
  } else {
    const all = [...sides[0].statements, ...sides[1].statements];
    for (const action of actionCandidates(all, overlaps)) {
      const [b, a] = sides.map((side) => {
        const found = side.byAction.query(action.value);
        budget2.spend(found.size);
        return inOrder(side, found, (c) => matchesAction(c, action.value));
      });
      if (b.length + a.length === 0) continue;
      const inBefore = resourceMatcher(b, sides[0].order, budget2);
      const inAfter = resourceMatcher(a, sides[1].order, budget2);
      for (const resource of resourceCandidates([...b, ...a], overlaps)) {
        record2({ action, resource }, inBefore(resource.value), inAfter(resource.value));
        if (budget2.exceeded) break;
      }
      if (budget2.exceeded) break;
    }
  }
  const incomplete = [];
  if (budget2.exceeded)
    incomplete.push(
      `the documents are too large to compare in full (over ${limit.toLocaleString("en-US")} steps: statement matches, pattern pairs, condition assignments): what they allow may differ`
    );
  if (overlaps.exceeded)
    incomplete.push(
      `the documents' patterns overlap in more than ${MAX_OVERLAPS.toLocaleString("en-US")} pairs: not every overlap was checked`
    );
  if (overlaps.longRuns)
    incomplete.push(
      `a pattern writes a run of more than ${MAX_QUESTION_RUN} \`?\`: names longer than that are not compared`
    );
  if (clauseCapped > 0)
    incomplete.push(
      `${clauseCapped} request${clauseCapped === 1 ? " matches" : "s match"} statements with more than ${MAX_CLAUSES} condition clauses between them: not compared`
    );
  return { differences, incomplete, operations: budget2.operations };
}
function allowedSometimes(matched) {
  const clauses = [...new Set(matched.flatMap((c) => c.clauses))];
  if (clauses.length > MAX_CLAUSES) return void 0;
  const bit = new Map(clauses.map((c, i) => [c, 1 << i]));
  const masks = matched.map((c) => c.clauses.reduce((m, k) => m | bit.get(k), 0));
  for (let m = 0; m < 1 << clauses.length; m++) if (allowedUnder(matched, masks, m)) return true;
  return false;
}
function resourcesOf(statements) {
  return resourceCandidates(statements, new OverlapCache(new Budget(MAX_OPERATIONS))).map(
    (c) => c.value
  );
}

// src/core/classify/iam-describe.ts
function actionLabel(c, point, naming = "literal") {
  const a = point.action;
  if (naming === "literal" && a.literal) return a.literal;
  if (c.actions) return c.actions.find((p) => covers(p, a.value)) ?? a.literal ?? a.value;
  return `any action but ${(c.notActions ?? []).join(", ")}`;
}
function resourceLabel(c, point, naming = "literal") {
  const r = point.resource;
  if (!r) return "*";
  if (naming === "literal" && r.literal) return r.literal;
  if (c.resources) return c.resources.find((p) => covers(p, r.value, false)) ?? r.literal ?? "*";
  return `any resource but ${(c.notResources ?? []).join(", ")}`;
}
var setText = (set) => set.type === "*" ? set.ids.literal.join(", ") : `${set.type} ${set.ids.literal.join(", ")}`;
function principalLabel(c, point, naming = "literal") {
  const p = point.principal;
  if (!p) return "*";
  if (naming === "literal" && p.literal) return `${p.type} ${p.literal}`;
  if (c.principals) {
    const who = { type: p.type, id: p.value };
    const set = c.principals.find((s) => setCovers(s, who));
    if (!set) return p.literal ? `${p.type} ${p.literal}` : "*";
    const id = set.ids.literal.find(
      (i) => setCovers({ ...set, ids: { literal: [i], expressions: [] } }, who)
    );
    return set.type === "*" ? id ?? "*" : `${set.type} ${id ?? "*"}`;
  }
  return `anyone but ${(c.notPrincipals ?? []).map(setText).join(", ")}`;
}
var when = (c) => c.clauses.length === 0 ? "" : ` when ${c.clauses.join("; ")}`;
function clausesOf(statements) {
  const out = /* @__PURE__ */ new Set();
  for (const c of statements) for (const k of c.clauses) out.add(c.allow ? k : `unless ${k}`);
  return out;
}

// src/core/classify/iam-unknown-values.ts
function trustGrants(doc) {
  const grants2 = [];
  for (const s of doc.statements) {
    if (s.effect !== "Allow") continue;
    const conditions = [...new Set(s.conditions.map(clauseText))].sort().join("; ");
    const unstated = s.actions.literal.length + s.actions.expressions.length === 0 && s.principals.length > 0;
    const actions = unstated ? ["sts:AssumeRole"] : s.actions.literal.filter((a) => /^sts:/i.test(a) || a === "*");
    for (const action of actions)
      for (const p of s.principals)
        for (const id of p.ids.literal)
          grants2.push({ subject: `${p.type} ${id}`, object: action, conditions });
  }
  return grants2;
}
function expressionChanges(before, after) {
  const was = new Set(expressionsOf(before));
  const now = expressionsOf(after);
  return [
    ...now.filter((e) => !was.has(e)).map((e) => `now depends on ${e}, not known before apply`),
    ...[...was].filter((e) => !now.includes(e)).map((e) => `no longer depends on ${e}`)
  ];
}
function conditionedAnyone(removed, grants2) {
  const arn = removed.subject.startsWith("AWS ") ? removed.subject.slice(4) : void 0;
  if (!arn || removed.conditions !== "") return void 0;
  for (const g of grants2) {
    if (g.subject !== "AWS *" || !covers(g.object, removed.object)) continue;
    const clauses = g.conditions.split("; ");
    if (clauses.length !== 1) continue;
    const match = PRINCIPAL_ARN.exec(clauses[0]);
    if (match && match[2].split(",").some((v) => coversWritten(v, arn))) return g;
  }
  return void 0;
}
function couldBeSame(a, b) {
  if (!UNKNOWN_PART.test(a) && !UNKNOWN_PART.test(b)) return a === b;
  return coversWritten(a, b) || coversWritten(b, a);
}
function unknownPairs(gone, came, text4) {
  const pairs = [];
  const used = /* @__PURE__ */ new Set();
  const left = [];
  const open = came.filter((c) => UNKNOWN_PART.test(text4(c)));
  for (const g of gone) {
    const unknownGone = UNKNOWN_PART.test(text4(g));
    const partner = (unknownGone ? came : open).find(
      (c) => !used.has(c) && couldBeSame(text4(g), text4(c))
    );
    if (partner) {
      used.add(partner);
      pairs.push([g, partner]);
    } else left.push(g);
  }
  return { gone: left, came: came.filter((c) => !used.has(c)), pairs };
}

// src/core/classify/policy.ts
var firstAllow = (cs) => cs.find((c) => c.allow);
var firstDeny = (cs) => cs.find((c) => !c.allow);
function conditionChange(d) {
  const was = clausesOf(d.before);
  const now = clausesOf(d.after);
  const paired = unknownPairs(
    [...was].filter((c) => !now.has(c)),
    [...now].filter((c) => !was.has(c)),
    (c) => c
  );
  return { added: paired.came, removed: paired.gone, rewritten: paired.pairs };
}
var rewrittenText = (subject, rewritten) => rewritten.map(
  ([a, b]) => `conditions on ${subject}: ${b} where it was ${a}: the same or not, known only at plan or apply`
);
var listed = (clauses) => clauses.length > 0 ? clauses.join("; ") : "none";
var unique = (lines) => [...new Set(lines)];
function compareTrust(before, after) {
  const comparison = compareDocuments(before, after, "trust");
  const narrowed = [];
  const widened = [];
  const goneGrants = /* @__PURE__ */ new Map();
  const cameGrants = /* @__PURE__ */ new Map();
  const grantOf = (c, p) => ({
    subject: principalLabel(c, p),
    object: actionLabel(c, p),
    conditions: c.clauses.join("; ")
  });
  const grantText = (g) => `${g.subject} (${g.object})${g.conditions === "" ? "" : ` when ${g.conditions}`}`;
  const keep = (into, g) => into.set(grantText(g), g);
  const afterGrants = trustGrants(after);
  const rewrites = [];
  const byDeny = /* @__PURE__ */ new Map();
  const denied = (deny, p) => `${principalLabel(deny, p, "pattern")} (${actionLabel(deny, p, "pattern")})${when(deny)}`;
  for (const d of comparison.differences) {
    const p = d.point;
    const was = firstAllow(d.before);
    const now = firstAllow(d.after);
    if (d.kind === "lost" && was) {
      const deny = firstDeny(d.after);
      if (now && deny) {
        const key = denied(deny, p);
        byDeny.set(key, [
          ...byDeny.get(key) ?? [],
          `${principalLabel(was, p)} (${actionLabel(was, p)})`
        ]);
      } else keep(goneGrants, grantOf(was, p));
    } else if (d.kind === "gained" && now) {
      const deny = firstDeny(d.before);
      if (was && deny)
        widened.push(
          `trusts ${principalLabel(now, p)} (${actionLabel(now, p)}): no longer denied to ${denied(deny, p)}`
        );
      else keep(cameGrants, grantOf(now, p));
    } else if (was && now) {
      const subject = principalLabel(was, p);
      const { added, removed, rewritten: rewritten2 } = conditionChange(d);
      rewrites.push(...rewrittenText(subject, rewritten2));
      if (rewritten2.length > 0 && added.length + removed.length === 0) continue;
      const through = d.kind === "narrowed" ? conditionedAnyone(grantOf(was, p), afterGrants) : void 0;
      if (through)
        widened.push(
          `trusts ${subject} (${actionLabel(was, p)}) through ${through.subject} when ${through.conditions} now: the same principal, and any other whose ARN matches`
        );
      else if (d.kind === "narrowed")
        narrowed.push(
          `trusts ${subject} only under more conditions now: ${(added.length > 0 ? added : [...clausesOf(d.after)]).join("; ")}`
        );
      else if (d.kind === "widened")
        widened.push(
          `trusts ${subject} without the conditions: ${(removed.length > 0 ? removed : [...clausesOf(d.before)]).join("; ")}`
        );
      else {
        const change = `changed the conditions on ${subject}: ${listed(removed)} \u2192 ${listed(added)}`;
        narrowed.push(change);
        widened.push(change);
      }
    }
  }
  for (const [deny, lost] of byDeny) {
    const named2 = unique(lost);
    if (named2.length <= 3)
      narrowed.push(...named2.map((who) => `no longer trusts ${who}: denied to ${deny}`));
    else
      narrowed.push(
        `no longer trusts ${named2.slice(0, 3).join(", ")} and ${(named2.length - 3).toLocaleString("en-US")} more it trusted: denied to ${deny}`
      );
  }
  const {
    pairs: rewritten,
    gone,
    came
  } = unknownPairs([...goneGrants.values()], [...cameGrants.values()], grantText);
  const expressed = new Set(
    after.statements.flatMap(
      (st) => st.principals.filter((p) => p.ids.expressions.length > 0).map((p) => p.type)
    )
  );
  const maybeSame = gone.filter(
    (g) => UNKNOWN_PART.test(g.subject) && expressed.has(g.subject.slice(0, g.subject.indexOf(" ")))
  );
  for (const g of gone) {
    if (maybeSame.includes(g)) continue;
    const through = conditionedAnyone(g, afterGrants);
    if (through)
      widened.push(
        `trusts ${g.subject} (${g.object}) through ${through.subject} when ${through.conditions} now: the same principal, and any other whose ARN matches`
      );
    else
      narrowed.push(
        `no longer trusts ${grantText(g)}${trustsInPart(after, g) ? " in full: part of it still" : ""}`
      );
  }
  for (const g of came) widened.push(`now trusts ${grantText(g)}`);
  const unknown = [
    ...expressionChanges(before, after),
    ...maybeSame.map(
      (g) => `no longer names ${grantText(g)}, and trusts a principal written as an expression: the same one or not, known only at plan or apply`
    ),
    ...rewritten.map(
      ([a, b]) => `trusts ${grantText(b)} where it trusted ${grantText(a)}: the same principal or another, known only at plan or apply`
    ),
    ...rewrites,
    ...comparison.incomplete
  ];
  const classes = [];
  if (narrowed.length > 0 || unknown.length > 0) classes.push("trust-narrowed");
  if (widened.length > 0 || unknown.length > 0) classes.push("trust-widened");
  return {
    classes,
    details: unique([...narrowed, ...widened, ...unknown]),
    // What the values known now say, apart from what depends on values known only at apply.
    known: {
      narrowed: narrowed.length > 0,
      widened: widened.length > 0,
      unknown: unknown.length > 0
    }
  };
}
function comparePermissions(before, after) {
  const comparison = compareDocuments(before, after, "permissions");
  const describe2 = (g) => `${g.subject} on ${g.object}${g.conditions === "" ? "" : ` when ${g.conditions}`}`;
  const grantOf = (c, p, naming = "literal") => ({
    subject: actionLabel(c, p, naming),
    object: resourceLabel(c, p, naming),
    conditions: c.clauses.join("; ")
  });
  const lists = {
    allowsGone: /* @__PURE__ */ new Map(),
    allowsCame: /* @__PURE__ */ new Map(),
    deniesCame: /* @__PURE__ */ new Map(),
    deniesGone: /* @__PURE__ */ new Map()
  };
  const keep = (into, g) => into.set(describe2(g), g);
  const narrowed = [];
  const widened = [];
  const rewrites = [];
  for (const d of comparison.differences) {
    const p = d.point;
    const was = firstAllow(d.before);
    const now = firstAllow(d.after);
    const spec = (c) => `${actionLabel(c, p)} on ${resourceLabel(c, p)}`;
    if (d.kind === "lost" && was) {
      const deny = firstDeny(d.after);
      if (!now) keep(lists.allowsGone, grantOf(was, p));
      if (deny) keep(lists.deniesCame, grantOf(deny, p, "pattern"));
    } else if (d.kind === "gained" && now) {
      const deny = firstDeny(d.before);
      const still = firstDeny(d.after);
      if (!was) keep(lists.allowsCame, grantOf(now, p));
      if (deny && still)
        widened.push(
          `denies ${describe2(grantOf(still, p, "pattern"))} now, where it denied ${describe2(grantOf(deny, p, "pattern"))}`
        );
      else if (deny) keep(lists.deniesGone, grantOf(deny, p, "pattern"));
    } else if (was && now) {
      const { added: added2, removed: removed2, rewritten } = conditionChange(d);
      rewrites.push(...rewrittenText(spec(was), rewritten));
      if (rewritten.length > 0 && added2.length + removed2.length === 0) continue;
      if (d.kind === "narrowed")
        narrowed.push(
          `allows ${spec(was)} only under more conditions now: ${(added2.length > 0 ? added2 : [...clausesOf(d.after)]).join("; ")}`
        );
      else if (d.kind === "widened")
        widened.push(
          `allows ${spec(now)} without the conditions: ${(removed2.length > 0 ? removed2 : [...clausesOf(d.before)]).join("; ")}`
        );
      else {
        const change = `changed the conditions on ${spec(now)}: ${listed(removed2)} \u2192 ${listed(added2)}`;
        narrowed.push(change);
        widened.push(change);
      }
    }
  }
  const allows2 = unknownPairs(
    [...lists.allowsGone.values()],
    [...lists.allowsCame.values()],
    describe2
  );
  const denies = unknownPairs(
    [...lists.deniesCame.values()],
    [...lists.deniesGone.values()],
    describe2
  );
  const removed = [
    ...allows2.gone.map(
      (g) => `no longer allows ${describe2(g)}${stillInPart(after, g) ? " in full: part of it still" : ""}`
    ),
    ...denies.gone.map((g) => `now denies ${describe2(g)}`),
    ...narrowed
  ];
  const added = [
    ...allows2.came.map((g) => `now allows ${describe2(g)}`),
    ...denies.came.map((g) => `no longer denies ${describe2(g)}`),
    ...widened
  ];
  const unknown = [
    ...expressionChanges(before, after),
    ...allows2.pairs.map(
      ([a, b]) => `allows ${describe2(b)} where it allowed ${describe2(a)}: the same or not, known only at plan or apply`
    ),
    ...denies.pairs.map(
      ([a, b]) => `denies ${describe2(a)} where it denied ${describe2(b)}: the same or not, known only at plan or apply`
    ),
    ...rewrites,
    ...comparison.incomplete
  ];
  const classes = [];
  if (removed.length > 0) classes.push("permissions-removed");
  if (unknown.length > 0) classes.push("unknown");
  if (added.length > 0) classes.push("permissions-added");
  return { classes, details: unique([...removed, ...added, ...unknown]) };
}
function stillInPart(doc, g) {
  if (!hasWildcard(g.subject) && !hasWildcard(g.object)) return false;
  if (g.subject.startsWith("any ") || g.object.startsWith("any ")) return false;
  const statements = doc.statements.map(compile);
  const actions = statements.flatMap((c) => c.actions ?? []);
  const resources = statements.flatMap((c) => c.resources ?? []);
  for (const action of partOf(g.subject, actions, true))
    for (const resource of partOf(g.object, resources, false)) {
      const matched = statements.filter(
        (c) => matchesAction(c, action) && matchesResource(c, resource)
      );
      if (matched.length > 0 && allowedSometimes(matched)) return true;
    }
  return false;
}
function partOf(pattern, literals, ignoreCase) {
  if (!hasWildcard(pattern)) return [pattern];
  const named2 = literals.filter((l) => !hasWildcard(l) && covers(pattern, l, ignoreCase));
  return [...witnesses(pattern), ...named2];
}
function trustsInPart(doc, g) {
  const at3 = g.subject.indexOf(" ");
  const principal = { type: g.subject.slice(0, at3), id: g.subject.slice(at3 + 1) };
  if (!hasWildcard(g.object) || hasWildcard(principal.id) || g.conditions !== "") return false;
  const statements = doc.statements.map(compile).filter((c) => matchesPrincipal(c, principal) && c.clauses.length === 0);
  const named2 = [...TRUST_ACTIONS, ...statements.flatMap((c) => c.actions ?? [])];
  return partOf(g.object, named2, true).some((action) => {
    const matched = statements.filter((c) => matchesAction(c, action));
    return matched.some((c) => c.allow) && !matched.some((c) => !c.allow);
  });
}
function comparePolicies(before, after) {
  return isTrustPolicy(before) || isTrustPolicy(after) ? compareTrust(before, after) : comparePermissions(before, after);
}
var ACCOUNT_OF = /^arn:aws[\w-]*:iam::(\d{12}):/;
function names(id, asked) {
  if (id === "*" || id === asked || covers(id, asked, false)) return true;
  const idAccount = /^(\d{12})$/.exec(id)?.[1] ?? ACCOUNT_OF.exec(id)?.[1];
  if (/^\d{12}$/.test(asked)) return idAccount === asked;
  return (id.endsWith(":root") || /^\d{12}$/.test(id)) && idAccount !== void 0 && idAccount === ACCOUNT_OF.exec(asked)?.[1];
}
function trusts(doc, principal) {
  const statements = doc.statements.map(compile).filter((c) => {
    const named2 = (sets) => sets.some((set) => set.ids.literal.some((id) => names(id, principal)));
    return c.principals ? named2(c.principals) : !named2(c.notPrincipals ?? []);
  });
  const assumes = /* @__PURE__ */ new Set([
    ...ASSUME_ACTIONS,
    ...statements.flatMap((c) => (c.actions ?? []).filter(isAssume))
  ]);
  let cannotTell = expressionsOf(doc).length > 0;
  for (const action of assumes) {
    const allowed = allowedSometimes(statements.filter((c) => matchesAction(c, action)));
    if (allowed) return true;
    if (allowed === void 0) cannotTell = true;
  }
  return cannotTell ? void 0 : false;
}
function allows(doc, action) {
  const statements = doc.statements.map(compile).filter((c) => matchesAction(c, action));
  let cannotTell = expressionsOf(doc).length > 0;
  for (const resource of resourcesOf(statements)) {
    const allowed = allowedSometimes(statements.filter((c) => matchesResource(c, resource)));
    if (allowed) return true;
    if (allowed === void 0) cannotTell = true;
  }
  return cannotTell ? void 0 : false;
}

// src/core/locate/glob.ts
var GlobError = class extends Error {
  name = "GlobError";
};
var SLASH = 47;
var notSlash = (c) => c !== SLASH;
var anyChar = () => true;
var literal = (code2) => ({ t: "test", test: (c) => c === code2, wild: false });
var MAX_BRACE_DEPTH = 32;
var MAX_RANGE = 1e3;
function compileGlob(glob2, options = {}) {
  const items = new GlobParser(glob2.startsWith("./") ? glob2.slice(2) : glob2).parse();
  return new Nfa(
    items,
    options.dotSegments !== false,
    options.exactSpelling === false ? void 0 : glob2
  );
}
function globProblem(glob2) {
  try {
    new GlobParser(glob2).parse();
    return void 0;
  } catch (error) {
    if (error instanceof GlobError) return error.message;
    throw error;
  }
}
function compileWildcard(pattern, options) {
  const items = [];
  const starTest = options.starCrossesSlash ? anyChar : notSlash;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === STAR) {
      if (items.at(-1)?.t !== "star") items.push({ t: "star", test: starTest });
    } else if (c === QUESTION && options.question)
      items.push({ t: "test", test: notSlash, wild: true });
    else items.push(literal(c));
  }
  return new Nfa(items, false);
}
function escapeGlob(text4) {
  return text4.replace(/[\\*?[\]{}()!@+]|^\./g, "\\$&");
}
var STAR = 42;
var QUESTION = 63;
var EXTGLOB = /[@!+*?]/;
var GlobParser = class {
  constructor(glob2) {
    this.glob = glob2;
  }
  glob;
  #depth = 0;
  parse() {
    return this.#sequence(0, this.glob.length, true);
  }
  /** The items of glob[from, to); `top`: outside braces, where `**` can be a whole segment. */
  #sequence(from, to, top) {
    const g = this.glob;
    const items = [];
    let i = from;
    while (i < to) {
      const ch = g[i];
      if (ch === "\\") {
        items.push(literal(i + 1 < to ? g.charCodeAt(i + 1) : g.charCodeAt(i)));
        i += 2;
      } else if (ch === "(" && i > from && EXTGLOB.test(g[i - 1]) && g[i - 2] !== "\\") {
        throw new GlobError(
          `uses an extglob (${g[i - 1]}(\u2026)), which blastradius does not support: write the alternatives with braces, {a,b}, or escape the parenthesis, \\(`
        );
      } else if (ch === "*") {
        let end = i;
        while (end < to && g[end] === "*") end++;
        const two = end - i === 2;
        const whole = top && two && (i === 0 || g[i - 1] === "/") && (end === to || g[end] === "/");
        if (whole) while (items.at(-1)?.t === "segmentsSlash") items.pop();
        if (!whole && two && (!top || i === 0)) {
          items.push({ t: "star", test: anyChar });
          i = end;
        } else if (!whole) {
          if (items.at(-1)?.t !== "star") items.push({ t: "star", test: notSlash });
          i = end;
        } else if (end < to) {
          items.push({ t: "segmentsSlash" });
          i = end + 1;
        } else if (items.length === 0) {
          items.push({ t: "segmentsOne" });
          i = end;
        } else {
          items.pop();
          items.push({ t: "slashSegments" });
          i = end;
        }
      } else if (ch === "?") {
        items.push({ t: "test", test: notSlash, wild: true });
        i++;
      } else if (ch === "[") {
        const parsed2 = this.#bracket(i, to);
        if (parsed2) {
          items.push({ t: "test", test: parsed2.test, wild: true });
          i = parsed2.end;
        } else {
          items.push(literal(91));
          i++;
        }
      } else if (ch === "{") {
        const parsed2 = this.#braces(i, to);
        if (parsed2) {
          items.push(parsed2.item);
          i = parsed2.end;
        } else {
          items.push(literal(123));
          i++;
        }
      } else {
        items.push(literal(g.charCodeAt(i)));
        i++;
      }
    }
    return items;
  }
  /** `{a,b}` or `{1..3}` at `open`, or undefined when it is literal (`{a}`, unclosed). */
  #braces(open, to) {
    const g = this.glob;
    const commas = [];
    let depth = 0;
    let close = -1;
    for (let i = open + 1; i < to; i++) {
      const ch = g[i];
      if (ch === "\\") i++;
      else if (ch === "[") {
        const bracket = this.#bracket(i, to);
        if (bracket) i = bracket.end - 1;
      } else if (ch === "{") depth++;
      else if (ch === "}") {
        if (depth === 0) {
          close = i;
          break;
        }
        depth--;
      } else if (ch === "," && depth === 0) commas.push(i);
    }
    if (close < 0) return void 0;
    if (commas.length === 0) {
      const range = this.#range(g.slice(open + 1, close));
      return range ? { item: range, end: close + 1 } : void 0;
    }
    if (++this.#depth > MAX_BRACE_DEPTH)
      throw new GlobError(`nests braces more than ${MAX_BRACE_DEPTH} deep`);
    const bounds = [open, ...commas, close];
    const options = bounds.slice(0, -1).map((start, k) => this.#sequence(start + 1, bounds[k + 1], false));
    this.#depth--;
    return { item: { t: "alt", options }, end: close + 1 };
  }
  /** `{1..3}`, `{a..e}`: the values as alternatives. */
  #range(body) {
    const numbers = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
    const letters = /^([A-Za-z])\.\.([A-Za-z])$/.exec(body);
    let values2;
    if (numbers) {
      const [a, b] = [Number(numbers[1]), Number(numbers[2])];
      if (Math.abs(b - a) >= MAX_RANGE)
        throw new GlobError(`has a range {${body}} of more than ${MAX_RANGE} values`);
      values2 = [];
      for (let n = a; a <= b ? n <= b : n >= b; n += a <= b ? 1 : -1) values2.push(String(n));
    } else if (letters) {
      const [a, b] = [letters[1].charCodeAt(0), letters[2].charCodeAt(0)];
      values2 = [];
      for (let n = Math.min(a, b); n <= Math.max(a, b); n++) values2.push(String.fromCharCode(n));
    } else return void 0;
    return {
      t: "alt",
      options: values2.map((v) => [...v].map((c) => literal(c.charCodeAt(0))))
    };
  }
  /** `[…]` at `open`: its test and where it ends, or undefined when unclosed (a literal `[`). */
  #bracket(open, to) {
    const g = this.glob;
    let i = open + 1;
    const negated = g[i] === "!" || g[i] === "^";
    if (negated) i++;
    const ranges = [];
    const tests = [];
    let first = true;
    for (; i < to; first = false) {
      const ch = g[i];
      if (ch === "]" && !first) {
        const test = (c) => c !== SLASH && negated !== (ranges.some(([lo2, hi]) => c >= lo2 && c <= hi) || tests.some((t) => t(c)));
        return { test, end: i + 1 };
      }
      if (ch === "[" && g[i + 1] === ":") {
        const close = g.indexOf(":]", i + 2);
        const posix = close < 0 ? void 0 : POSIX[g.slice(i + 2, close)];
        if (posix && close < to) {
          tests.push(posix);
          i = close + 2;
          continue;
        }
      }
      let lo = g.charCodeAt(i);
      if (ch === "\\" && i + 1 < to) lo = g.charCodeAt(++i);
      i++;
      if (g[i] === "-" && i + 1 < to && g[i + 1] !== "]") {
        let hi = g.charCodeAt(i + 1);
        i += 2;
        if (hi === 92 && i < to) hi = g.charCodeAt(i++);
        ranges.push([lo, hi]);
      } else ranges.push([lo, lo]);
    }
    return void 0;
  }
};
var between = (lo, hi) => (c) => c >= lo.charCodeAt(0) && c <= hi.charCodeAt(0);
var either = (...tests) => (c) => tests.some((t) => t(c));
var DIGIT = between("0", "9");
var UPPER = between("A", "Z");
var LOWER = between("a", "z");
var ALPHA = either(UPPER, LOWER);
var POSIX = {
  alnum: either(ALPHA, DIGIT),
  alpha: ALPHA,
  ascii: (c) => c < 128,
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  digit: DIGIT,
  graph: between("!", "~"),
  lower: LOWER,
  print: between(" ", "~"),
  punct: (c) => between("!", "~")(c) && !ALPHA(c) && !DIGIT(c),
  space: (c) => c === 32 || c >= 9 && c <= 13,
  upper: UPPER,
  word: (c) => ALPHA(c) || DIGIT(c) || c === 95,
  xdigit: either(DIGIT, between("a", "f"), between("A", "F"))
};
var SPLIT = 0;
var TEST = 1;
var ACCEPT = 2;
var Nfa = class {
  #kind = [];
  #out1 = [];
  #out2 = [];
  #test = [];
  /** Whether a test is a wildcard, which never consumes a `.` or `..` segment. */
  #wild = [];
  #start;
  #dotSegments;
  #marks;
  #generation = 0;
  #dfa = /* @__PURE__ */ new Map();
  #cached = 0;
  #initial;
  steps = 0;
  /** A path spelled exactly like this matches whatever the pattern says (picomatch's rule). */
  #itself;
  constructor(items, dotSegments, itself) {
    this.#dotSegments = dotSegments;
    this.#itself = itself;
    const accept = this.#state(ACCEPT);
    this.#start = this.#sequence(items, accept);
    this.#marks = new Uint32Array(this.#kind.length);
  }
  get size() {
    return this.#kind.length;
  }
  #state(kind, out1 = -1, out2 = -1, test, wild = false) {
    this.#kind.push(kind);
    this.#out1.push(out1);
    this.#out2.push(out2);
    this.#test.push(test);
    this.#wild.push(wild);
    return this.#kind.length - 1;
  }
  /** Built from the end, so that each item knows the state that follows it. */
  #sequence(items, next) {
    let current = next;
    for (let k = items.length - 1; k >= 0; k--) current = this.#item(items[k], current);
    return current;
  }
  #item(item, next) {
    switch (item.t) {
      case "test":
        return this.#state(TEST, next, -1, item.test, item.wild);
      case "star": {
        const loop = this.#state(SPLIT, -1, next);
        this.#out1[loop] = this.#state(TEST, loop, -1, item.test, true);
        return loop;
      }
      case "alt": {
        const starts = item.options.map((option) => this.#sequence(option, next));
        let choice2 = starts[starts.length - 1];
        for (let k = starts.length - 2; k >= 0; k--) choice2 = this.#state(SPLIT, starts[k], choice2);
        return choice2;
      }
      case "segmentsSlash": {
        const loop = this.#state(SPLIT, -1, next);
        const slash = this.#state(TEST, loop, -1, (c) => c === SLASH, false);
        const char = this.#segment(slash);
        this.#out1[loop] = char;
        return loop;
      }
      case "slashSegments": {
        const loop = this.#state(SPLIT, -1, next);
        this.#out1[loop] = this.#state(TEST, this.#segment(loop), -1, (c) => c === SLASH, false);
        return loop;
      }
      case "segmentsOne": {
        const loop = this.#state(SPLIT, -1, next);
        this.#out1[loop] = this.#state(TEST, this.#segment(loop), -1, (c) => c === SLASH, false);
        return this.#segment(loop);
      }
    }
  }
  /** One or more characters of a segment, then `next`. */
  #segment(next) {
    const more = this.#state(SPLIT, -1, next);
    const char = this.#state(TEST, more, -1, notSlash, true);
    this.#out1[more] = char;
    return char;
  }
  test(path) {
    return path === this.#itself || this.#run(path, false);
  }
  testOrAbove(path) {
    const itself = this.#itself;
    if (itself !== void 0 && path.startsWith(itself)) {
      if (path.length === itself.length || path[itself.length] === "/") return true;
    }
    return this.#run(path, true);
  }
  /**
   * The simulation, with the sets of states it meets cached as the states of a DFA built on
   * the way (as RE2 does): a character from a known set to a known set is one lookup. The
   * cache is bounded; past it, sets are computed afresh, still within the same bound.
   * `above`: also accept when a folder of the path matches.
   */
  #run(path, above) {
    const dots = this.#dotSegments ? dotSegmentMask(path) : void 0;
    this.#initial ??= this.#dfaState(this.#closure([this.#start]));
    let current = this.#initial;
    for (let i = 0; i < path.length; i++) {
      if (current.states.length === 0) return false;
      const c = path.charCodeAt(i);
      if (above && c === SLASH && i > 0 && current.accepts) return true;
      const key = dots?.[i] === 1 ? c + 65536 : c;
      this.steps++;
      current = current.next.get(key) ?? this.#step(current, c, key);
    }
    return current.accepts;
  }
  /** The set after `c`, computed on the NFA, and cached while the cache has room. */
  #step(from, c, key) {
    const inDots = key > 65535;
    const targets = [];
    for (const s of from.states) {
      this.steps++;
      if (this.#kind[s] !== TEST || inDots && this.#wild[s]) continue;
      if (this.#test[s](c)) targets.push(this.#out1[s]);
    }
    const to = this.#dfaState(this.#closure(targets));
    if (this.#dfa.get(to.key) === to && this.#dfa.get(from.key) === from) from.next.set(key, to);
    return to;
  }
  #dfaState(states) {
    states.sort((a, b) => a - b);
    const name = states.join(",");
    const known = this.#dfa.get(name);
    if (known) return known;
    const state = {
      key: name,
      states,
      accepts: states.some((s) => this.#kind[s] === ACCEPT),
      next: /* @__PURE__ */ new Map()
    };
    if (this.#dfa.size < MAX_DFA_STATES && this.#cached + states.length <= MAX_CACHED_STATES) {
      this.#dfa.set(name, state);
      this.#cached += states.length;
    }
    return state;
  }
  /** The test and accept states the given states reach by empty moves, each once. */
  #closure(from) {
    if (++this.#generation >= 4294967295) {
      this.#marks.fill(0);
      this.#generation = 1;
    }
    const marks = this.#marks;
    const generation = this.#generation;
    const out = [];
    const stack = [...from];
    while (stack.length > 0) {
      const s = stack.pop();
      if (marks[s] === generation) continue;
      marks[s] = generation;
      this.steps++;
      if (this.#kind[s] === SPLIT) {
        const b = this.#out2[s];
        if (b >= 0) stack.push(b);
        const a = this.#out1[s];
        if (a >= 0) stack.push(a);
      } else out.push(s);
    }
    return out;
  }
};
var MAX_DFA_STATES = 2e3;
var MAX_CACHED_STATES = 1e5;
var DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;
function dotSegmentMask(path) {
  if (!DOT_SEGMENT.test(path)) return void 0;
  const mask = new Uint8Array(path.length);
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && path.charCodeAt(i) !== SLASH) continue;
    const segment = path.slice(start, i);
    if (segment === "." || segment === "..") mask.fill(1, start, i);
    start = i + 1;
  }
  return mask;
}

// src/core/classify/terraform-address.ts
var INDEX = /\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]/g;
function withoutIndexes(address) {
  return address.replace(INDEX, "");
}
function compileAddressPattern(pattern) {
  return compileWildcard(pattern, { starCrossesSlash: true, question: false });
}
function addressMatches(pattern, address) {
  return pattern.test(address) || pattern.test(withoutIndexes(address));
}
function referencedResource(reference, modulePath) {
  const parts = reference.split(".");
  const head = parts[0] ?? "";
  if (["var", "local", "path", "count", "each", "self", "terraform", "module", "data"].includes(head))
    return void 0;
  if (parts.length < 2) return void 0;
  const name = parts[1].replace(INDEX, "");
  return `${modulePath}${head}.${name}`;
}

// src/core/classify/terraform-plan.ts
var PlanFormatError = class extends Error {
  name = "PlanFormatError";
};
var array = (v) => Array.isArray(v) ? v : [];
function factsOf(type, values2) {
  if (values2 === null || values2 === void 0) return void 0;
  const v = record(values2);
  const trustAttribute = TRUST_ATTRIBUTE[type];
  const trust = trustAttribute ? policyFromJson(v[trustAttribute]) : void 0;
  const policies = [];
  const policyAttribute = POLICY_ATTRIBUTE[type];
  const own = policyAttribute ? policyFromJson(v[policyAttribute]) : void 0;
  if (own) policies.push(own);
  for (const inline of array(v.inline_policy)) {
    const doc = policyFromJson(record(inline).policy);
    if (doc) policies.push(doc);
  }
  return { exists: true, ...trust ? { trust } : {}, policies };
}
var same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function classifyUpdate(type, address, change, evidence) {
  const before = record(change.before);
  const after = record(change.after);
  const unknown = record(change.after_unknown);
  const classes = /* @__PURE__ */ new Set();
  const keys = [
    .../* @__PURE__ */ new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(unknown)])
  ].sort();
  const changed = keys.filter((k) => unknown[k] === true || !same(before[k], after[k]));
  const documentAttributes = /* @__PURE__ */ new Set([
    TRUST_ATTRIBUTE[type],
    POLICY_ATTRIBUTE[type],
    "inline_policy"
  ]);
  for (const attribute2 of changed) {
    if (unknown[attribute2] === true && documentAttributes.has(attribute2)) {
      classes.add("unknown");
      evidence.push({
        address,
        attribute: attribute2,
        detail: `${attribute2} is known only after apply: treated as possibly breaking`
      });
      continue;
    }
    if (attribute2 === TRUST_ATTRIBUTE[type]) {
      const was = policyFromJson(before[attribute2]);
      const now = policyFromJson(after[attribute2]);
      if (was && now) {
        const trust = compareTrust(was, now);
        for (const c of trust.classes) classes.add(c);
        for (const detail of trust.details) evidence.push({ address, attribute: attribute2, detail });
        continue;
      }
    }
    if (attribute2 === POLICY_ATTRIBUTE[type] || attribute2 === "inline_policy") {
      const docs = (v) => attribute2 === "inline_policy" ? array(v.inline_policy).flatMap(
        (p) => policyFromJson(record(p).policy)?.statements ?? []
      ) : policyFromJson(v[attribute2])?.statements ?? [];
      const result = comparePermissions({ statements: docs(before) }, { statements: docs(after) });
      for (const c of result.classes) classes.add(c);
      for (const detail of result.details) evidence.push({ address, attribute: attribute2, detail });
      if (result.classes.length > 0) continue;
    }
    if (unknown[attribute2] === true) {
      evidence.push({ address, attribute: attribute2, detail: `${attribute2} is known only after apply` });
    } else {
      evidence.push({ address, attribute: attribute2, detail: `${attribute2} changes` });
    }
    classes.add("modified");
  }
  if (classes.size === 0) classes.add("modified");
  return [...classes];
}
function classify(raw) {
  const address = String(raw.address ?? "");
  const type = String(raw.type ?? "");
  const change = record(raw.change);
  const actions = array(change.actions).map(String);
  const previousAddress = typeof raw.previous_address === "string" ? raw.previous_address : void 0;
  const moved = previousAddress !== void 0 && previousAddress !== address;
  const evidence = [];
  const reason = typeof raw.action_reason === "string" ? ` (${raw.action_reason.replace(/_/g, " ")})` : "";
  let classes;
  const key = actions.join(",");
  if (raw.mode === "data") return void 0;
  if (key === "no-op" || key === "read" || key === "") {
    if (!moved) return void 0;
    classes = [];
  } else if (key === "create") {
    classes = ["added"];
    evidence.push({ address, detail: "created" });
  } else if (key === "delete") {
    classes = ["deleted"];
    evidence.push({ address, detail: `destroyed${reason}` });
  } else if (key === "delete,create" || key === "create,delete") {
    classes = ["replaced"];
    const paths = array(change.replace_paths).map((p) => array(p).join("."));
    evidence.push({
      address,
      ...paths[0] ? { attribute: paths[0] } : {},
      detail: `replaced${key === "create,delete" ? " (new one created first)" : ""}${reason}${paths.length ? `: ${paths.join(", ")} cannot change in place` : ""}`
    });
  } else if (key === "update") {
    classes = classifyUpdate(type, address, change, evidence);
  } else {
    classes = ["unknown"];
    evidence.push({ address, detail: `actions ${actions.join(", ")}` });
  }
  if (moved) {
    classes = [...classes, "renamed"];
    evidence.push({ address, detail: `moved from ${previousAddress}` });
  }
  const before = key === "create" ? void 0 : factsOf(type, change.before);
  const after = key === "delete" ? { exists: false, policies: [] } : factsOf(type, change.after);
  return {
    system: "terraform",
    address,
    ...moved ? { previousAddress } : {},
    type,
    classes: [...new Set(classes)].sort(compareClasses),
    evidence,
    ...before ? { before } : {},
    ...after ? { after } : {}
  };
}
function referencesIn(expressions, attribute2, out) {
  if (Array.isArray(expressions)) {
    for (const item of expressions) referencesIn(item, attribute2, out);
    return;
  }
  const r = record(expressions);
  if (Array.isArray(r.references))
    for (const ref of r.references) out.push([attribute2, String(ref)]);
  for (const [key, value] of Object.entries(r)) {
    if (key !== "references" && value !== null && typeof value === "object")
      referencesIn(value, attribute2, out);
  }
}
function discover(module2, modulePath, file, out) {
  for (const raw of array(module2.resources)) {
    const resource = record(raw);
    if (resource.mode === "data") continue;
    const from = `${modulePath}${String(resource.address ?? "")}`;
    const found = [];
    for (const [attribute2, expression] of Object.entries(record(resource.expressions)))
      referencesIn(expression, attribute2, found);
    const seen = /* @__PURE__ */ new Set();
    for (const [attribute2, reference] of found) {
      const to = referencedResource(reference, modulePath);
      if (!to || to === from || seen.has(to)) continue;
      seen.add(to);
      out.push({ from, to, attribute: attribute2, file });
    }
  }
  for (const [name, call] of Object.entries(record(module2.module_calls))) {
    discover(record(record(call).module), `${modulePath}module.${name}.`, file, out);
  }
}
function readPlan(value, file) {
  const plan = record(value);
  if (typeof plan.format_version !== "string" || !Array.isArray(plan.resource_changes) && plan.planned_values === void 0) {
    throw new PlanFormatError(
      `${file} is not a Terraform plan in JSON: it has no format_version and resource_changes (make it with \`terraform show -json plan.out > plan.json\`)`
    );
  }
  const resources = array(plan.resource_changes).flatMap((raw) => classify(record(raw)) ?? []);
  const references = [];
  discover(record(record(plan.configuration).root_module), "", file, references);
  return { formatVersion: plan.format_version, resources, references };
}

// src/core/errors.ts
var InputError = class extends Error {
  constructor(message, hint) {
    super(message);
    this.hint = hint;
  }
  hint;
  name = "InputError";
};
var InvalidDepsError = class extends Error {
  constructor(errors, warnings, fromPullRequest = false) {
    super(`${errors.length} error${errors.length === 1 ? "" : "s"} in the dependency graph`);
    this.errors = errors;
    this.warnings = warnings;
    this.fromPullRequest = fromPullRequest;
  }
  errors;
  warnings;
  fromPullRequest;
  name = "InvalidDepsError";
};

// src/core/json-depth.ts
var MAX_JSON_DEPTH = 1e3;
function jsonTooDeepAt(text4, limit = MAX_JSON_DEPTH) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text4.length; i++) {
    const c = text4.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return void 0;
}

// src/app/read-plan.ts
function position(text4, message) {
  const at3 = /position (\d+)/.exec(message);
  if (!at3) return "";
  const before = text4.slice(0, Number(at3[1]));
  const line = before.split("\n").length;
  return `:${line}:${before.length - before.lastIndexOf("\n")}`;
}
function parsePlan(file, text4) {
  const deep = jsonTooDeepAt(text4);
  if (deep !== void 0)
    throw new InputError(
      `${file}${position(text4, `position ${deep}`)}: nested more than ${MAX_JSON_DEPTH} levels deep; not read`,
      "give the JSON plan as terraform writes it: terraform show -json plan.out > plan.json"
    );
  let value;
  try {
    value = JSON.parse(text4);
  } catch (error) {
    const message = error.message;
    throw new InputError(
      `${file}${position(text4, message)}: not JSON (${message})`,
      "give the JSON plan: terraform show -json plan.out > plan.json"
    );
  }
  try {
    return { file, reading: readPlan(value, file) };
  } catch (error) {
    if (error instanceof PlanFormatError) throw new InputError(error.message);
    throw error;
  }
}
function readPlanFile(file) {
  const read2 = readTextFile(file);
  if (!read2.ok)
    throw new InputError(
      `cannot read the plan: ${read2.diagnostic.message}`,
      `check the path ${file}`
    );
  return parsePlan(file, read2.text);
}

// src/action/run-action.ts
var import_node_os = require("node:os");
var import_node_path2 = require("node:path");

// src/app/comment-author.ts
var USER_TOKEN = /^(ghp_|github_pat_|gho_|ghu_)/;
function requireCommentAuthor(token, author, option) {
  if (author === void 0 && USER_TOKEN.test(token)) {
    throw new InputError(
      `the token acts as a person, so ${option} must name its login to find the blastradius comment again`,
      `set ${option} to the token's GitHub login, or use the workflow's GITHUB_TOKEN or a GitHub App token`
    );
  }
}

// src/app/deps-location.ts
var REMOTE = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+):([^@]+?)(?:@(.+))?$/;
function parseDepsLocation(input) {
  const value = input.trim();
  if (value === "")
    throw new InputError("the deps input is empty", "give a path such as deps.yaml");
  const remote = REMOTE.exec(value);
  if (remote) {
    const [, repo = "", path = "", ref] = remote;
    return { repo, path: cleanPath(path, value), ...ref ? { ref } : {}, key: value };
  }
  if (value.includes(":")) {
    throw new InputError(
      `cannot read the deps location "${value}"`,
      "give a path in this repository (deps.yaml) or owner/repo:path@ref for another repository"
    );
  }
  return { path: cleanPath(value, value), key: value };
}
function cleanPath(path, input) {
  const clean = path.replace(/^\.\//, "");
  if (clean.startsWith("/") || clean.split("/").includes("..")) {
    throw new InputError(
      `the deps path in "${input}" must be relative to the repository root, without ..`
    );
  }
  return clean;
}

// src/core/contracts.ts
function anyOf(docs, test) {
  let unsure = false;
  for (const doc of docs) {
    const answer = test(doc);
    if (answer === true) return true;
    if (answer === void 0) unsure = true;
  }
  return unsure ? void 0 : false;
}
function evidenceFor(resources, attribute2) {
  const all = resources.flatMap((r) => r.evidence);
  return all.find((e) => attribute2 !== void 0 && e.attribute === attribute2) ?? all[0];
}
function checkDocuments(upstream, expectation) {
  const { says, what } = expectation;
  const id = upstream.id;
  if (upstream.classes.includes("deleted")) {
    return {
      status: "broken",
      reason: `${id} is deleted, so it no longer ${says}`,
      evidence: evidenceFor(upstream.resources)
    };
  }
  const holders = upstream.resources.filter(
    (r) => (r.before ? expectation.documents(r.before).length : 0) + (r.after ? expectation.documents(r.after).length : 0) > 0
  );
  if (holders.length === 0) {
    return upstream.resources.length > 0 ? { status: "kept", reason: `${what} of ${id} did not change` } : {
      status: "unchecked",
      reason: `the new state of ${id} was not read (compare contents with --git, or give --plan)`
    };
  }
  const side = (s) => holders.flatMap((r) => r[s] ? expectation.documents(r[s]) : []);
  const now = anyOf(side("after"), expectation.test);
  if (now === true) return { status: "kept", reason: `${id} still ${says}` };
  const evidence = evidenceFor(holders, expectation.attribute);
  if (now === void 0) {
    return {
      status: "unchecked",
      reason: `whether ${id} ${says} depends on values known only at apply`,
      evidence
    };
  }
  const before = anyOf(side("before"), expectation.test);
  return {
    status: "broken",
    reason: `${id} no longer ${says}${before === true ? "; it did at base" : " (nor did it at base)"}`,
    evidence
  };
}
function checkContracts(changed, graph) {
  const outcomes = [];
  const broken = /* @__PURE__ */ new Set();
  for (const upstream of changed) {
    const u = graph.indexOf.get(upstream.id);
    if (u === void 0) continue;
    for (let e = graph.offsets[u]; e < graph.offsets[u + 1]; e++) {
      const dependent = graph.nodes[graph.targets[e]];
      const expects = dependent.dependsOn.find((d) => d.to === upstream.id && d.expects)?.expects;
      if (!expects) continue;
      const record2 = (expectation, verdict2) => {
        outcomes.push({
          dependent: dependent.id,
          upstream: upstream.id,
          expectation,
          status: verdict2.status,
          reason: verdict2.reason,
          ...verdict2.evidence ? { evidence: verdict2.evidence } : {}
        });
        if (verdict2.status === "broken") broken.add(e);
      };
      if (expects.exists) {
        record2(
          "exists",
          upstream.classes.includes("deleted") ? {
            status: "broken",
            reason: `${upstream.id} is deleted; ${dependent.id} expects it to exist`,
            evidence: evidenceFor(upstream.resources)
          } : { status: "kept", reason: `${upstream.id} still exists` }
        );
      }
      for (const principal of expects.trusts ?? []) {
        const says = `trusts ${principal}`;
        record2(
          says,
          checkDocuments(upstream, {
            says,
            what: "the trust",
            documents: (facts) => facts.trust ? [facts.trust] : [],
            test: (doc) => trusts(doc, principal),
            attribute: "assume_role_policy"
          })
        );
      }
      for (const action of expects.allows ?? []) {
        const says = `allows ${action}`;
        record2(
          says,
          checkDocuments(upstream, {
            says,
            what: "the policies",
            documents: (facts) => facts.policies,
            test: (doc) => allows(doc, action)
          })
        );
      }
    }
  }
  return { outcomes, broken };
}

// src/core/graph/impacted-node.ts
function stepOf(graph, e) {
  return {
    from: graph.ids[graph.sources[e]],
    to: graph.ids[graph.targets[e]],
    via: graph.vias[graph.via[e]],
    ...graph.discovered?.[e] ? { discovered: true } : {}
  };
}
function pathFromEdges(graph, edges, changeClass) {
  return {
    changed: graph.ids[graph.sources[edges[0]]],
    changeClass,
    steps: edges.map((e) => stepOf(graph, e))
  };
}
var LazyImpacted = class {
  constructor(graph, node3, depth, breaking) {
    this.graph = graph;
    this.node = node3;
    this.depth = depth;
    const attributes = graph.nodes[node3];
    this.id = graph.ids[node3];
    this.kind = attributes?.kind ?? "unknown";
    if (attributes?.owner !== void 0) this.owner = attributes.owner;
    if (attributes?.tier !== void 0) this.tier = attributes.tier;
    this.severity = breaking ? "breaking" : "at-risk";
  }
  graph;
  node;
  depth;
  id;
  kind;
  owner;
  tier;
  severity;
  toJSON() {
    const { id, kind, owner: owner2, tier: tier2, depth, severity, path, breakingPath } = this;
    return { id, kind, owner: owner2, tier: tier2, depth, severity, path, breakingPath };
  }
};

// src/core/graph/changed-impacts.ts
var incomingOf = /* @__PURE__ */ new WeakMap();
function incoming(graph) {
  let found = incomingOf.get(graph);
  if (found) return found;
  const n = graph.ids.length;
  const m = graph.targets.length;
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) offsets[graph.targets[e] + 1]++;
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i + 1] + offsets[i];
  const fill = offsets.slice(0, n);
  const edges = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const t = graph.targets[e];
    edges[fill[t]] = e;
    fill[t] = fill[t] + 1;
  }
  found = { offsets, edges };
  incomingOf.set(graph, found);
  return found;
}
var scratches = /* @__PURE__ */ new WeakMap();
function scratchFor(graph) {
  let scratch = scratches.get(graph);
  if (!scratch) {
    const n = graph.ids.length;
    scratch = { seen: new Int32Array(n), via: new Int32Array(n), stamp: 0 };
    scratches.set(graph, scratch);
  }
  return scratch;
}
function searchUp(graph, target, isSource, usable, maxDepth) {
  const { offsets, edges } = incoming(graph);
  const scratch = scratchFor(graph);
  const stamp = ++scratch.stamp;
  const { seen, via } = scratch;
  seen[target] = stamp;
  let frontier = [target];
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next = [];
    for (const node3 of frontier) {
      for (let i = offsets[node3]; i < offsets[node3 + 1]; i++) {
        const e = edges[i];
        if (!usable(e)) continue;
        const up = graph.sources[e];
        if (seen[up] === stamp) continue;
        seen[up] = stamp;
        via[up] = e;
        if (isSource(up)) {
          const path = [];
          for (let at3 = up; at3 !== target; at3 = graph.targets[via[at3]])
            path.push(via[at3]);
          return path;
        }
        next.push(up);
      }
    }
    frontier = next;
  }
  return void 0;
}
function changedImpacts(graph, seeds, candidates2, options) {
  const out = [];
  const classes = [...new Set([...seeds.values()].flat())];
  const breaksOn = (e, c) => {
    const set = graph.breaks[e];
    return set === -1 || options.alwaysBreaks?.has(e) === true || (graph.breakSets[set] ?? []).includes(c);
  };
  for (const node3 of candidates2) {
    const other = (n) => n !== node3 && seeds.has(n);
    const plain = searchUp(graph, node3, other, () => true, options.maxDepth);
    if (!plain) continue;
    const origin = graph.sources[plain[0]];
    let breaking;
    const { offsets, edges } = incoming(graph);
    const mayBreak = (c) => {
      for (let i = offsets[node3]; i < offsets[node3 + 1]; i++) {
        const e = edges[i];
        if (breaksOn(e, c) && options.reachedBreaking(graph.sources[e], c)) return true;
      }
      return false;
    };
    for (const c of classes) {
      if (!mayBreak(c)) continue;
      const found = searchUp(
        graph,
        node3,
        (n) => other(n) && (seeds.get(n) ?? []).includes(c),
        (e) => breaksOn(e, c),
        breaking ? breaking.edges.length - 1 : options.maxDepth
      );
      if (found && (!breaking || found.length < breaking.edges.length))
        breaking = { edges: found, changeClass: c };
    }
    out.push({
      node: node3,
      impact: new ChangedImpact(graph, node3, plain, seeds.get(origin)?.[0] ?? "modified", breaking)
    });
  }
  return out;
}
var ChangedImpact = class extends LazyImpacted {
  constructor(graph, node3, plain, changeClass, breaking) {
    super(graph, node3, plain.length, breaking !== void 0);
    this.plain = plain;
    this.changeClass = changeClass;
    this.breaking = breaking;
  }
  plain;
  changeClass;
  breaking;
  get path() {
    return pathFromEdges(this.graph, this.plain, this.changeClass);
  }
  get breakingPath() {
    const hit = this.breaking;
    const same4 = hit !== void 0 && hit.edges.length === this.plain.length && hit.edges.every((e, i) => e === this.plain[i]);
    return hit && !same4 ? pathFromEdges(this.graph, hit.edges, hit.changeClass) : void 0;
  }
};

// src/core/graph/blast-radius.ts
var scratches2 = /* @__PURE__ */ new WeakMap();
function scratchFor2(graph) {
  let scratch = scratches2.get(graph);
  if (!scratch) {
    const n = Math.max(16, graph.ids.length);
    scratch = {
      waiting: new Int32Array(n).fill(-1),
      node: new Int32Array(n),
      bits: new Int32Array(n)
    };
    scratches2.set(graph, scratch);
  }
  return scratch;
}
var MAX_CLASSES = 30;
var PLAIN = 1;
function blastRadius(graph, seeds, options = {}) {
  const main = walk(graph, seeds, options);
  const seedIndexes = /* @__PURE__ */ new Set();
  for (const seed of seeds) {
    const index2 = graph.indexOf.get(seed.id);
    if (index2 !== void 0) seedIndexes.add(index2);
  }
  if (seedIndexes.size < 2) return main;
  const candidates2 = /* @__PURE__ */ new Set();
  const { sources, targets } = graph;
  for (let e = 0; e < targets.length; e++) {
    const to = targets[e];
    const from = sources[e];
    if (from !== to && seedIndexes.has(to) && main.reached(from)) candidates2.add(to);
  }
  const classesOf = /* @__PURE__ */ new Map();
  for (const seed of seeds) {
    const index2 = graph.indexOf.get(seed.id);
    if (index2 !== void 0 && !classesOf.has(index2)) classesOf.set(index2, seed.classes);
  }
  const extra = changedImpacts(
    graph,
    classesOf,
    [...candidates2].sort((a, b) => a - b),
    {
      maxDepth: options.maxDepth ?? Number.POSITIVE_INFINITY,
      reachedBreaking: main.reachedBreaking,
      ...options.alwaysBreaks ? { alwaysBreaks: options.alwaysBreaks } : {}
    }
  );
  if (extra.length === 0) return main;
  let impacted;
  return {
    truncated: main.truncated,
    forEach(visit) {
      main.forEach(visit);
      for (const { node: node3, impact } of extra)
        visit(node3, impact.depth, impact.severity === "breaking");
    },
    get impacted() {
      impacted ??= [...main.impacted, ...extra.map((x) => x.impact)].sort(
        (a, b) => a.depth - b.depth
      );
      return impacted;
    }
  };
}
function walk(graph, seeds, options) {
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const alwaysBreaks = options.alwaysBreaks;
  const n = graph.ids.length;
  const { offsets, targets, breaks } = graph;
  const classes = [];
  for (const seed of seeds) {
    for (const c of seed.classes)
      if (!classes.includes(c) && classes.length < MAX_CLASSES) classes.push(c);
  }
  const k = classes.length;
  const ok = classes.map(
    (c) => Uint8Array.from(graph.breakSets, (set) => set.includes(c) ? 1 : 0)
  );
  const plain = { depth: new Int32Array(n).fill(-1), edge: new Int32Array(n).fill(-1) };
  const reach = classes.map(() => ({
    depth: new Int32Array(n).fill(-1),
    edge: new Int32Array(n).fill(-1)
  }));
  const scratch = scratchFor2(graph);
  const waiting = scratch.waiting;
  let qNode = scratch.node;
  let qBits = scratch.bits;
  let tail = 0;
  const depthOf = (node3, bits) => {
    if (bits & PLAIN) return plain.depth[node3];
    let c = 0;
    while ((bits >> c + 1 & 1) === 0) c++;
    return reach[c].depth[node3];
  };
  const enqueue = (node3, bits, depth) => {
    const slot = waiting[node3];
    if (slot >= 0 && depthOf(node3, qBits[slot]) === depth) {
      qBits[slot] = qBits[slot] | bits;
      return;
    }
    if (tail === qNode.length) {
      const grow = (a) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      qNode = grow(qNode);
      qBits = grow(qBits);
      scratch.node = qNode;
      scratch.bits = qBits;
    }
    qNode[tail] = node3;
    qBits[tail] = bits;
    waiting[node3] = tail++;
  };
  const classOf = /* @__PURE__ */ new Map();
  for (const seed of seeds) {
    const index2 = graph.indexOf.get(seed.id);
    if (index2 === void 0 || classOf.has(index2)) continue;
    classOf.set(index2, seed.classes[0] ?? "modified");
    let bits = plain.depth[index2] === -1 ? PLAIN : 0;
    plain.depth[index2] = 0;
    for (const c of seed.classes) {
      const i = classes.indexOf(c);
      if (i < 0 || reach[i]?.depth[index2] === 0) continue;
      reach[i].depth[index2] = 0;
      bits |= 1 << i + 1;
    }
    enqueue(index2, bits, 0);
  }
  const frontier = [];
  const order = new Int32Array(n);
  let reached = 0;
  for (let head = 0; head < tail; head++) {
    const node3 = qNode[head];
    const bits = qBits[head];
    const d = depthOf(node3, bits);
    if (waiting[node3] === head) waiting[node3] = -1;
    if (bits & PLAIN) order[reached++] = node3;
    const end = offsets[node3 + 1];
    if (d >= maxDepth) {
      if (bits & PLAIN) {
        for (let e = offsets[node3]; e < end; e++) {
          if (plain.depth[targets[e]] === -1) {
            frontier.push(node3);
            break;
          }
        }
      }
      continue;
    }
    const classBits = bits >> 1;
    for (let e = offsets[node3]; e < end; e++) {
      const next = targets[e];
      let add = 0;
      if (plain.depth[next] === -1) {
        plain.depth[next] = d + 1;
        plain.edge[next] = e;
        add = PLAIN;
      }
      if (classBits !== 0) {
        const set = breaks[e];
        for (let c = 0; c < k; c++) {
          if ((classBits & 1 << c) === 0) continue;
          if (set !== -1 && ok[c][set] === 0 && !alwaysBreaks?.has(e)) continue;
          const r = reach[c];
          if (r.depth[next] !== -1) continue;
          r.depth[next] = d + 1;
          r.edge[next] = e;
          add |= 1 << c + 1;
        }
      }
      if (add !== 0) enqueue(next, add, d + 1);
    }
  }
  const bestClass = (node3) => {
    let best = -1;
    let bestDepth = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const dc = reach[c].depth[node3];
      if (dc > 0 && dc < bestDepth) {
        bestDepth = dc;
        best = c;
      }
    }
    return best;
  };
  const impactedOrder = order.subarray(0, reached);
  const truncated = frontier.length > 0 ? {
    reason: "max-depth",
    limit: maxDepth,
    frontier: frontier.map((i) => graph.ids[i]).sort()
  } : null;
  let impacted;
  const impactOf2 = (node3) => {
    const depth = plain.depth[node3];
    if (depth <= 0) return void 0;
    const b = bestClass(node3);
    const breaking = b >= 0 ? { reach: reach[b], changeClass: classes[b] } : void 0;
    return new Impacted(graph, node3, depth, plain, classOf, breaking);
  };
  return {
    truncated,
    reached: (node3) => plain.depth[node3] >= 0,
    reachedBreaking: (node3, changeClass) => {
      const c = classes.indexOf(changeClass);
      return c >= 0 && reach[c].depth[node3] >= 0;
    },
    forEach(visit) {
      for (const node3 of impactedOrder) {
        const depth = plain.depth[node3];
        if (depth > 0) visit(node3, depth, bestClass(node3) >= 0);
      }
    },
    get impacted() {
      if (!impacted) {
        const list3 = [];
        for (const node3 of impactedOrder) {
          const found = impactOf2(node3);
          if (found) list3.push(found);
        }
        impacted = list3;
      }
      return impacted;
    }
  };
}
function pathOf(graph, reach, node3, changeClass) {
  const edges = [];
  let at3 = node3;
  while (reach.depth[at3] > 0) {
    const e = reach.edge[at3];
    edges.push(e);
    at3 = graph.sources[e];
  }
  edges.reverse();
  return edges.length === 0 ? { changed: graph.ids[at3], changeClass: changeClass(at3), steps: [] } : pathFromEdges(graph, edges, changeClass(at3));
}
function sameChain(graph, a, b, node3) {
  if (a.depth[node3] !== b.depth[node3]) return false;
  for (let at3 = node3; a.depth[at3] > 0; at3 = graph.sources[a.edge[at3]]) {
    if (a.edge[at3] !== b.edge[at3]) return false;
  }
  return true;
}
var Impacted = class extends LazyImpacted {
  constructor(graph, node3, depth, plain, classOf, breaking) {
    super(graph, node3, depth, breaking !== void 0);
    this.plain = plain;
    this.classOf = classOf;
    this.breaking = breaking;
  }
  plain;
  classOf;
  breaking;
  get path() {
    return pathOf(this.graph, this.plain, this.node, (o) => this.classOf.get(o) ?? "modified");
  }
  get breakingPath() {
    const hit = this.breaking;
    return hit && !sameChain(this.graph, this.plain, hit.reach, this.node) ? pathOf(this.graph, hit.reach, this.node, () => hit.changeClass) : void 0;
  }
};

// node_modules/graphology/dist/graphology.mjs
var import_events = require("events");
function assignPolyfill() {
  const target = arguments[0];
  for (let i = 1, l = arguments.length; i < l; i++) {
    if (!arguments[i]) continue;
    for (const k in arguments[i]) target[k] = arguments[i][k];
  }
  return target;
}
var assign = assignPolyfill;
if (typeof Object.assign === "function") assign = Object.assign;
function getMatchingEdge(graph, source, target, type) {
  const sourceData = graph._nodes.get(source);
  let edge = null;
  if (!sourceData) return edge;
  if (type === "mixed") {
    edge = sourceData.out && sourceData.out[target] || sourceData.undirected && sourceData.undirected[target];
  } else if (type === "directed") {
    edge = sourceData.out && sourceData.out[target];
  } else {
    edge = sourceData.undirected && sourceData.undirected[target];
  }
  return edge;
}
function isPlainObject3(value) {
  return typeof value === "object" && value !== null;
}
function isEmpty(o) {
  let k;
  for (k in o) return false;
  return true;
}
function privateProperty(target, name, value) {
  Object.defineProperty(target, name, {
    enumerable: false,
    configurable: false,
    writable: true,
    value
  });
}
function readOnlyProperty(target, name, value) {
  const descriptor = {
    enumerable: true,
    configurable: true
  };
  if (typeof value === "function") {
    descriptor.get = value;
  } else {
    descriptor.value = value;
    descriptor.writable = false;
  }
  Object.defineProperty(target, name, descriptor);
}
function validateHints(hints) {
  if (!isPlainObject3(hints)) return false;
  if (hints.attributes && !Array.isArray(hints.attributes)) return false;
  return true;
}
function incrementalIdStartingFromRandomByte() {
  let i = Math.floor(Math.random() * 256) & 255;
  return () => {
    return i++;
  };
}
function chain() {
  const iterables = arguments;
  let current = null;
  let i = -1;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      let step = null;
      do {
        if (current === null) {
          i++;
          if (i >= iterables.length) return { done: true };
          current = iterables[i][Symbol.iterator]();
        }
        step = current.next();
        if (step.done) {
          current = null;
          continue;
        }
        break;
      } while (true);
      return step;
    }
  };
}
function emptyIterator() {
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      return { done: true };
    }
  };
}
var GraphError = class extends Error {
  constructor(message) {
    super();
    this.name = "GraphError";
    this.message = message;
  }
};
var InvalidArgumentsGraphError = class _InvalidArgumentsGraphError extends GraphError {
  constructor(message) {
    super(message);
    this.name = "InvalidArgumentsGraphError";
    if (typeof Error.captureStackTrace === "function")
      Error.captureStackTrace(
        this,
        _InvalidArgumentsGraphError.prototype.constructor
      );
  }
};
var NotFoundGraphError = class _NotFoundGraphError extends GraphError {
  constructor(message) {
    super(message);
    this.name = "NotFoundGraphError";
    if (typeof Error.captureStackTrace === "function")
      Error.captureStackTrace(this, _NotFoundGraphError.prototype.constructor);
  }
};
var UsageGraphError = class _UsageGraphError extends GraphError {
  constructor(message) {
    super(message);
    this.name = "UsageGraphError";
    if (typeof Error.captureStackTrace === "function")
      Error.captureStackTrace(this, _UsageGraphError.prototype.constructor);
  }
};
function MixedNodeData(key, attributes) {
  this.key = key;
  this.attributes = attributes;
  this.clear();
}
MixedNodeData.prototype.clear = function() {
  this.inDegree = 0;
  this.outDegree = 0;
  this.undirectedDegree = 0;
  this.undirectedLoops = 0;
  this.directedLoops = 0;
  this.in = {};
  this.out = {};
  this.undirected = {};
};
function DirectedNodeData(key, attributes) {
  this.key = key;
  this.attributes = attributes;
  this.clear();
}
DirectedNodeData.prototype.clear = function() {
  this.inDegree = 0;
  this.outDegree = 0;
  this.directedLoops = 0;
  this.in = {};
  this.out = {};
};
function UndirectedNodeData(key, attributes) {
  this.key = key;
  this.attributes = attributes;
  this.clear();
}
UndirectedNodeData.prototype.clear = function() {
  this.undirectedDegree = 0;
  this.undirectedLoops = 0;
  this.undirected = {};
};
function EdgeData(undirected, key, source, target, attributes) {
  this.key = key;
  this.attributes = attributes;
  this.undirected = undirected;
  this.source = source;
  this.target = target;
}
EdgeData.prototype.attach = function() {
  let outKey = "out";
  let inKey = "in";
  if (this.undirected) outKey = inKey = "undirected";
  const source = this.source.key;
  const target = this.target.key;
  this.source[outKey][target] = this;
  if (this.undirected && source === target) return;
  this.target[inKey][source] = this;
};
EdgeData.prototype.attachMulti = function() {
  let outKey = "out";
  let inKey = "in";
  const source = this.source.key;
  const target = this.target.key;
  if (this.undirected) outKey = inKey = "undirected";
  const adj = this.source[outKey];
  const head = adj[target];
  if (typeof head === "undefined") {
    adj[target] = this;
    if (!(this.undirected && source === target)) {
      this.target[inKey][source] = this;
    }
    return;
  }
  head.previous = this;
  this.next = head;
  adj[target] = this;
  this.target[inKey][source] = this;
};
EdgeData.prototype.detach = function() {
  const source = this.source.key;
  const target = this.target.key;
  let outKey = "out";
  let inKey = "in";
  if (this.undirected) outKey = inKey = "undirected";
  delete this.source[outKey][target];
  delete this.target[inKey][source];
};
EdgeData.prototype.detachMulti = function() {
  const source = this.source.key;
  const target = this.target.key;
  let outKey = "out";
  let inKey = "in";
  if (this.undirected) outKey = inKey = "undirected";
  if (this.previous === void 0) {
    if (this.next === void 0) {
      delete this.source[outKey][target];
      delete this.target[inKey][source];
    } else {
      this.next.previous = void 0;
      this.source[outKey][target] = this.next;
      this.target[inKey][source] = this.next;
    }
  } else {
    this.previous.next = this.next;
    if (this.next !== void 0) {
      this.next.previous = this.previous;
    }
  }
};
var NODE = 0;
var SOURCE = 1;
var TARGET = 2;
var OPPOSITE = 3;
function findRelevantNodeData(graph, method, mode, nodeOrEdge, nameOrEdge, add1, add2) {
  let nodeData, edgeData, arg1, arg2;
  nodeOrEdge = "" + nodeOrEdge;
  if (mode === NODE) {
    nodeData = graph._nodes.get(nodeOrEdge);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.${method}: could not find the "${nodeOrEdge}" node in the graph.`
      );
    arg1 = nameOrEdge;
    arg2 = add1;
  } else if (mode === OPPOSITE) {
    nameOrEdge = "" + nameOrEdge;
    edgeData = graph._edges.get(nameOrEdge);
    if (!edgeData)
      throw new NotFoundGraphError(
        `Graph.${method}: could not find the "${nameOrEdge}" edge in the graph.`
      );
    const source = edgeData.source.key;
    const target = edgeData.target.key;
    if (nodeOrEdge === source) {
      nodeData = edgeData.target;
    } else if (nodeOrEdge === target) {
      nodeData = edgeData.source;
    } else {
      throw new NotFoundGraphError(
        `Graph.${method}: the "${nodeOrEdge}" node is not attached to the "${nameOrEdge}" edge (${source}, ${target}).`
      );
    }
    arg1 = add1;
    arg2 = add2;
  } else {
    edgeData = graph._edges.get(nodeOrEdge);
    if (!edgeData)
      throw new NotFoundGraphError(
        `Graph.${method}: could not find the "${nodeOrEdge}" edge in the graph.`
      );
    if (mode === SOURCE) {
      nodeData = edgeData.source;
    } else {
      nodeData = edgeData.target;
    }
    arg1 = nameOrEdge;
    arg2 = add1;
  }
  return [nodeData, arg1, arg2];
}
function attachNodeAttributeGetter(Class, method, mode) {
  Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1) {
    const [data, name] = findRelevantNodeData(
      this,
      method,
      mode,
      nodeOrEdge,
      nameOrEdge,
      add1
    );
    return data.attributes[name];
  };
}
function attachNodeAttributesGetter(Class, method, mode) {
  Class.prototype[method] = function(nodeOrEdge, nameOrEdge) {
    const [data] = findRelevantNodeData(
      this,
      method,
      mode,
      nodeOrEdge,
      nameOrEdge
    );
    return data.attributes;
  };
}
function attachNodeAttributeChecker(Class, method, mode) {
  Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1) {
    const [data, name] = findRelevantNodeData(
      this,
      method,
      mode,
      nodeOrEdge,
      nameOrEdge,
      add1
    );
    return data.attributes.hasOwnProperty(name);
  };
}
function attachNodeAttributeSetter(Class, method, mode) {
  Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1, add2) {
    const [data, name, value] = findRelevantNodeData(
      this,
      method,
      mode,
      nodeOrEdge,
      nameOrEdge,
      add1,
      add2
    );
    data.attributes[name] = value;
    this.emit("nodeAttributesUpdated", {
      key: data.key,
      type: "set",
      attributes: data.attributes,
      name
    });
    return this;
  };
}
function attachNodeAttributeUpdater(Class, method, mode) {
  Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1, add2) {
    const [data, name, updater] = findRelevantNodeData(
      this,
      method,
      mode,
      nodeOrEdge,
      nameOrEdge,
      add1,
      add2
    );
    if (typeof updater !== "function")
      throw new InvalidArgumentsGraphError(
        `Graph.${method}: updater should be a function.`
      );
    const attributes = data.attributes;
    const value = updater(attributes[name]);
    attributes[name] = value;
    this.emit("nodeAttributesUpdated", {
      key: data.key,
      type: "set",
      attributes: data.attributes,
      name
    });
    return this;
  };
}
function attachNodeAttributeRemover(Class, method, mode) {
  Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1) {
    const [data, name] = findRelevantNodeData(
      this,
      method,
      mode,
      nodeOrEdge,
      nameOrEdge,
      add1
    );
    delete data.attributes[name];
    this.emit("nodeAttributesUpdated", {
      key: data.key,
      type: "remove",
      attributes: data.attributes,
      name
    });
    return this;
  };
}
function attachNodeAttributesReplacer(Class, method, mode) {
  Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1) {
    const [data, attributes] = findRelevantNodeData(
      this,
      method,
      mode,
      nodeOrEdge,
      nameOrEdge,
      add1
    );
    if (!isPlainObject3(attributes))
      throw new InvalidArgumentsGraphError(
        `Graph.${method}: provided attributes are not a plain object.`
      );
    data.attributes = attributes;
    this.emit("nodeAttributesUpdated", {
      key: data.key,
      type: "replace",
      attributes: data.attributes
    });
    return this;
  };
}
function attachNodeAttributesMerger(Class, method, mode) {
  Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1) {
    const [data, attributes] = findRelevantNodeData(
      this,
      method,
      mode,
      nodeOrEdge,
      nameOrEdge,
      add1
    );
    if (!isPlainObject3(attributes))
      throw new InvalidArgumentsGraphError(
        `Graph.${method}: provided attributes are not a plain object.`
      );
    assign(data.attributes, attributes);
    this.emit("nodeAttributesUpdated", {
      key: data.key,
      type: "merge",
      attributes: data.attributes,
      data: attributes
    });
    return this;
  };
}
function attachNodeAttributesUpdater(Class, method, mode) {
  Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1) {
    const [data, updater] = findRelevantNodeData(
      this,
      method,
      mode,
      nodeOrEdge,
      nameOrEdge,
      add1
    );
    if (typeof updater !== "function")
      throw new InvalidArgumentsGraphError(
        `Graph.${method}: provided updater is not a function.`
      );
    data.attributes = updater(data.attributes);
    this.emit("nodeAttributesUpdated", {
      key: data.key,
      type: "update",
      attributes: data.attributes
    });
    return this;
  };
}
var NODE_ATTRIBUTES_METHODS = [
  {
    name: (element) => `get${element}Attribute`,
    attacher: attachNodeAttributeGetter
  },
  {
    name: (element) => `get${element}Attributes`,
    attacher: attachNodeAttributesGetter
  },
  {
    name: (element) => `has${element}Attribute`,
    attacher: attachNodeAttributeChecker
  },
  {
    name: (element) => `set${element}Attribute`,
    attacher: attachNodeAttributeSetter
  },
  {
    name: (element) => `update${element}Attribute`,
    attacher: attachNodeAttributeUpdater
  },
  {
    name: (element) => `remove${element}Attribute`,
    attacher: attachNodeAttributeRemover
  },
  {
    name: (element) => `replace${element}Attributes`,
    attacher: attachNodeAttributesReplacer
  },
  {
    name: (element) => `merge${element}Attributes`,
    attacher: attachNodeAttributesMerger
  },
  {
    name: (element) => `update${element}Attributes`,
    attacher: attachNodeAttributesUpdater
  }
];
function attachNodeAttributesMethods(Graph2) {
  NODE_ATTRIBUTES_METHODS.forEach(function({ name, attacher }) {
    attacher(Graph2, name("Node"), NODE);
    attacher(Graph2, name("Source"), SOURCE);
    attacher(Graph2, name("Target"), TARGET);
    attacher(Graph2, name("Opposite"), OPPOSITE);
  });
}
function attachEdgeAttributeGetter(Class, method, type) {
  Class.prototype[method] = function(element, name) {
    let data;
    if (this.type !== "mixed" && type !== "mixed" && type !== this.type)
      throw new UsageGraphError(
        `Graph.${method}: cannot find this type of edges in your ${this.type} graph.`
      );
    if (arguments.length > 2) {
      if (this.multi)
        throw new UsageGraphError(
          `Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`
        );
      const source = "" + element;
      const target = "" + name;
      name = arguments[2];
      data = getMatchingEdge(this, source, target, type);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`
        );
    } else {
      if (type !== "mixed")
        throw new UsageGraphError(
          `Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`
        );
      element = "" + element;
      data = this._edges.get(element);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find the "${element}" edge in the graph.`
        );
    }
    return data.attributes[name];
  };
}
function attachEdgeAttributesGetter(Class, method, type) {
  Class.prototype[method] = function(element) {
    let data;
    if (this.type !== "mixed" && type !== "mixed" && type !== this.type)
      throw new UsageGraphError(
        `Graph.${method}: cannot find this type of edges in your ${this.type} graph.`
      );
    if (arguments.length > 1) {
      if (this.multi)
        throw new UsageGraphError(
          `Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`
        );
      const source = "" + element, target = "" + arguments[1];
      data = getMatchingEdge(this, source, target, type);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`
        );
    } else {
      if (type !== "mixed")
        throw new UsageGraphError(
          `Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`
        );
      element = "" + element;
      data = this._edges.get(element);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find the "${element}" edge in the graph.`
        );
    }
    return data.attributes;
  };
}
function attachEdgeAttributeChecker(Class, method, type) {
  Class.prototype[method] = function(element, name) {
    let data;
    if (this.type !== "mixed" && type !== "mixed" && type !== this.type)
      throw new UsageGraphError(
        `Graph.${method}: cannot find this type of edges in your ${this.type} graph.`
      );
    if (arguments.length > 2) {
      if (this.multi)
        throw new UsageGraphError(
          `Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`
        );
      const source = "" + element;
      const target = "" + name;
      name = arguments[2];
      data = getMatchingEdge(this, source, target, type);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`
        );
    } else {
      if (type !== "mixed")
        throw new UsageGraphError(
          `Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`
        );
      element = "" + element;
      data = this._edges.get(element);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find the "${element}" edge in the graph.`
        );
    }
    return data.attributes.hasOwnProperty(name);
  };
}
function attachEdgeAttributeSetter(Class, method, type) {
  Class.prototype[method] = function(element, name, value) {
    let data;
    if (this.type !== "mixed" && type !== "mixed" && type !== this.type)
      throw new UsageGraphError(
        `Graph.${method}: cannot find this type of edges in your ${this.type} graph.`
      );
    if (arguments.length > 3) {
      if (this.multi)
        throw new UsageGraphError(
          `Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`
        );
      const source = "" + element;
      const target = "" + name;
      name = arguments[2];
      value = arguments[3];
      data = getMatchingEdge(this, source, target, type);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`
        );
    } else {
      if (type !== "mixed")
        throw new UsageGraphError(
          `Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`
        );
      element = "" + element;
      data = this._edges.get(element);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find the "${element}" edge in the graph.`
        );
    }
    data.attributes[name] = value;
    this.emit("edgeAttributesUpdated", {
      key: data.key,
      type: "set",
      attributes: data.attributes,
      name
    });
    return this;
  };
}
function attachEdgeAttributeUpdater(Class, method, type) {
  Class.prototype[method] = function(element, name, updater) {
    let data;
    if (this.type !== "mixed" && type !== "mixed" && type !== this.type)
      throw new UsageGraphError(
        `Graph.${method}: cannot find this type of edges in your ${this.type} graph.`
      );
    if (arguments.length > 3) {
      if (this.multi)
        throw new UsageGraphError(
          `Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`
        );
      const source = "" + element;
      const target = "" + name;
      name = arguments[2];
      updater = arguments[3];
      data = getMatchingEdge(this, source, target, type);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`
        );
    } else {
      if (type !== "mixed")
        throw new UsageGraphError(
          `Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`
        );
      element = "" + element;
      data = this._edges.get(element);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find the "${element}" edge in the graph.`
        );
    }
    if (typeof updater !== "function")
      throw new InvalidArgumentsGraphError(
        `Graph.${method}: updater should be a function.`
      );
    data.attributes[name] = updater(data.attributes[name]);
    this.emit("edgeAttributesUpdated", {
      key: data.key,
      type: "set",
      attributes: data.attributes,
      name
    });
    return this;
  };
}
function attachEdgeAttributeRemover(Class, method, type) {
  Class.prototype[method] = function(element, name) {
    let data;
    if (this.type !== "mixed" && type !== "mixed" && type !== this.type)
      throw new UsageGraphError(
        `Graph.${method}: cannot find this type of edges in your ${this.type} graph.`
      );
    if (arguments.length > 2) {
      if (this.multi)
        throw new UsageGraphError(
          `Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`
        );
      const source = "" + element;
      const target = "" + name;
      name = arguments[2];
      data = getMatchingEdge(this, source, target, type);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`
        );
    } else {
      if (type !== "mixed")
        throw new UsageGraphError(
          `Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`
        );
      element = "" + element;
      data = this._edges.get(element);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find the "${element}" edge in the graph.`
        );
    }
    delete data.attributes[name];
    this.emit("edgeAttributesUpdated", {
      key: data.key,
      type: "remove",
      attributes: data.attributes,
      name
    });
    return this;
  };
}
function attachEdgeAttributesReplacer(Class, method, type) {
  Class.prototype[method] = function(element, attributes) {
    let data;
    if (this.type !== "mixed" && type !== "mixed" && type !== this.type)
      throw new UsageGraphError(
        `Graph.${method}: cannot find this type of edges in your ${this.type} graph.`
      );
    if (arguments.length > 2) {
      if (this.multi)
        throw new UsageGraphError(
          `Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`
        );
      const source = "" + element, target = "" + attributes;
      attributes = arguments[2];
      data = getMatchingEdge(this, source, target, type);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`
        );
    } else {
      if (type !== "mixed")
        throw new UsageGraphError(
          `Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`
        );
      element = "" + element;
      data = this._edges.get(element);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find the "${element}" edge in the graph.`
        );
    }
    if (!isPlainObject3(attributes))
      throw new InvalidArgumentsGraphError(
        `Graph.${method}: provided attributes are not a plain object.`
      );
    data.attributes = attributes;
    this.emit("edgeAttributesUpdated", {
      key: data.key,
      type: "replace",
      attributes: data.attributes
    });
    return this;
  };
}
function attachEdgeAttributesMerger(Class, method, type) {
  Class.prototype[method] = function(element, attributes) {
    let data;
    if (this.type !== "mixed" && type !== "mixed" && type !== this.type)
      throw new UsageGraphError(
        `Graph.${method}: cannot find this type of edges in your ${this.type} graph.`
      );
    if (arguments.length > 2) {
      if (this.multi)
        throw new UsageGraphError(
          `Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`
        );
      const source = "" + element, target = "" + attributes;
      attributes = arguments[2];
      data = getMatchingEdge(this, source, target, type);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`
        );
    } else {
      if (type !== "mixed")
        throw new UsageGraphError(
          `Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`
        );
      element = "" + element;
      data = this._edges.get(element);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find the "${element}" edge in the graph.`
        );
    }
    if (!isPlainObject3(attributes))
      throw new InvalidArgumentsGraphError(
        `Graph.${method}: provided attributes are not a plain object.`
      );
    assign(data.attributes, attributes);
    this.emit("edgeAttributesUpdated", {
      key: data.key,
      type: "merge",
      attributes: data.attributes,
      data: attributes
    });
    return this;
  };
}
function attachEdgeAttributesUpdater(Class, method, type) {
  Class.prototype[method] = function(element, updater) {
    let data;
    if (this.type !== "mixed" && type !== "mixed" && type !== this.type)
      throw new UsageGraphError(
        `Graph.${method}: cannot find this type of edges in your ${this.type} graph.`
      );
    if (arguments.length > 2) {
      if (this.multi)
        throw new UsageGraphError(
          `Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`
        );
      const source = "" + element, target = "" + updater;
      updater = arguments[2];
      data = getMatchingEdge(this, source, target, type);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`
        );
    } else {
      if (type !== "mixed")
        throw new UsageGraphError(
          `Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`
        );
      element = "" + element;
      data = this._edges.get(element);
      if (!data)
        throw new NotFoundGraphError(
          `Graph.${method}: could not find the "${element}" edge in the graph.`
        );
    }
    if (typeof updater !== "function")
      throw new InvalidArgumentsGraphError(
        `Graph.${method}: provided updater is not a function.`
      );
    data.attributes = updater(data.attributes);
    this.emit("edgeAttributesUpdated", {
      key: data.key,
      type: "update",
      attributes: data.attributes
    });
    return this;
  };
}
var EDGE_ATTRIBUTES_METHODS = [
  {
    name: (element) => `get${element}Attribute`,
    attacher: attachEdgeAttributeGetter
  },
  {
    name: (element) => `get${element}Attributes`,
    attacher: attachEdgeAttributesGetter
  },
  {
    name: (element) => `has${element}Attribute`,
    attacher: attachEdgeAttributeChecker
  },
  {
    name: (element) => `set${element}Attribute`,
    attacher: attachEdgeAttributeSetter
  },
  {
    name: (element) => `update${element}Attribute`,
    attacher: attachEdgeAttributeUpdater
  },
  {
    name: (element) => `remove${element}Attribute`,
    attacher: attachEdgeAttributeRemover
  },
  {
    name: (element) => `replace${element}Attributes`,
    attacher: attachEdgeAttributesReplacer
  },
  {
    name: (element) => `merge${element}Attributes`,
    attacher: attachEdgeAttributesMerger
  },
  {
    name: (element) => `update${element}Attributes`,
    attacher: attachEdgeAttributesUpdater
  }
];
function attachEdgeAttributesMethods(Graph2) {
  EDGE_ATTRIBUTES_METHODS.forEach(function({ name, attacher }) {
    attacher(Graph2, name("Edge"), "mixed");
    attacher(Graph2, name("DirectedEdge"), "directed");
    attacher(Graph2, name("UndirectedEdge"), "undirected");
  });
}
var EDGES_ITERATION = [
  {
    name: "edges",
    type: "mixed"
  },
  {
    name: "inEdges",
    type: "directed",
    direction: "in"
  },
  {
    name: "outEdges",
    type: "directed",
    direction: "out"
  },
  {
    name: "inboundEdges",
    type: "mixed",
    direction: "in"
  },
  {
    name: "outboundEdges",
    type: "mixed",
    direction: "out"
  },
  {
    name: "directedEdges",
    type: "directed"
  },
  {
    name: "undirectedEdges",
    type: "undirected"
  }
];
function forEachSimple(breakable, object, callback, avoid) {
  let shouldBreak = false;
  for (const k in object) {
    if (k === avoid) continue;
    const edgeData = object[k];
    shouldBreak = callback(
      edgeData.key,
      edgeData.attributes,
      edgeData.source.key,
      edgeData.target.key,
      edgeData.source.attributes,
      edgeData.target.attributes,
      edgeData.undirected
    );
    if (breakable && shouldBreak) return edgeData.key;
  }
  return;
}
function forEachMulti(breakable, object, callback, avoid) {
  let edgeData, source, target;
  let shouldBreak = false;
  for (const k in object) {
    if (k === avoid) continue;
    edgeData = object[k];
    do {
      source = edgeData.source;
      target = edgeData.target;
      shouldBreak = callback(
        edgeData.key,
        edgeData.attributes,
        source.key,
        target.key,
        source.attributes,
        target.attributes,
        edgeData.undirected
      );
      if (breakable && shouldBreak) return edgeData.key;
      edgeData = edgeData.next;
    } while (edgeData !== void 0);
  }
  return;
}
function createIterator(object, avoid) {
  const keys = Object.keys(object);
  const l = keys.length;
  let edgeData;
  let i = 0;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      do {
        if (!edgeData) {
          if (i >= l) return { done: true };
          const k = keys[i++];
          if (k === avoid) {
            edgeData = void 0;
            continue;
          }
          edgeData = object[k];
        } else {
          edgeData = edgeData.next;
        }
      } while (!edgeData);
      return {
        done: false,
        value: {
          edge: edgeData.key,
          attributes: edgeData.attributes,
          source: edgeData.source.key,
          target: edgeData.target.key,
          sourceAttributes: edgeData.source.attributes,
          targetAttributes: edgeData.target.attributes,
          undirected: edgeData.undirected
        }
      };
    }
  };
}
function forEachForKeySimple(breakable, object, k, callback) {
  const edgeData = object[k];
  if (!edgeData) return;
  const sourceData = edgeData.source;
  const targetData = edgeData.target;
  if (callback(
    edgeData.key,
    edgeData.attributes,
    sourceData.key,
    targetData.key,
    sourceData.attributes,
    targetData.attributes,
    edgeData.undirected
  ) && breakable)
    return edgeData.key;
}
function forEachForKeyMulti(breakable, object, k, callback) {
  let edgeData = object[k];
  if (!edgeData) return;
  let shouldBreak = false;
  do {
    shouldBreak = callback(
      edgeData.key,
      edgeData.attributes,
      edgeData.source.key,
      edgeData.target.key,
      edgeData.source.attributes,
      edgeData.target.attributes,
      edgeData.undirected
    );
    if (breakable && shouldBreak) return edgeData.key;
    edgeData = edgeData.next;
  } while (edgeData !== void 0);
  return;
}
function createIteratorForKey(object, k) {
  let edgeData = object[k];
  if (edgeData.next !== void 0) {
    return {
      [Symbol.iterator]() {
        return this;
      },
      next() {
        if (!edgeData) return { done: true };
        const value = {
          edge: edgeData.key,
          attributes: edgeData.attributes,
          source: edgeData.source.key,
          target: edgeData.target.key,
          sourceAttributes: edgeData.source.attributes,
          targetAttributes: edgeData.target.attributes,
          undirected: edgeData.undirected
        };
        edgeData = edgeData.next;
        return {
          done: false,
          value
        };
      }
    };
  }
  let done = false;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      if (done === true) return { done: true };
      done = true;
      return {
        done: false,
        value: {
          edge: edgeData.key,
          attributes: edgeData.attributes,
          source: edgeData.source.key,
          target: edgeData.target.key,
          sourceAttributes: edgeData.source.attributes,
          targetAttributes: edgeData.target.attributes,
          undirected: edgeData.undirected
        }
      };
    }
  };
}
function createEdgeArray(graph, type) {
  if (graph.size === 0) return [];
  if (type === "mixed" || type === graph.type) {
    return Array.from(graph._edges.keys());
  }
  const size = type === "undirected" ? graph.undirectedSize : graph.directedSize;
  const list3 = new Array(size), mask = type === "undirected";
  const iterator2 = graph._edges.values();
  let i = 0;
  let step, data;
  while (step = iterator2.next(), step.done !== true) {
    data = step.value;
    if (data.undirected === mask) list3[i++] = data.key;
  }
  return list3;
}
function forEachEdge(breakable, graph, type, callback) {
  if (graph.size === 0) return;
  const shouldFilter = type !== "mixed" && type !== graph.type;
  const mask = type === "undirected";
  let step, data;
  let shouldBreak = false;
  const iterator2 = graph._edges.values();
  while (step = iterator2.next(), step.done !== true) {
    data = step.value;
    if (shouldFilter && data.undirected !== mask) continue;
    const { key, attributes, source, target } = data;
    shouldBreak = callback(
      key,
      attributes,
      source.key,
      target.key,
      source.attributes,
      target.attributes,
      data.undirected
    );
    if (breakable && shouldBreak) return key;
  }
  return;
}
function createEdgeIterator(graph, type) {
  if (graph.size === 0) return emptyIterator();
  const shouldFilter = type !== "mixed" && type !== graph.type;
  const mask = type === "undirected";
  const iterator2 = graph._edges.values();
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      let step, data;
      while (true) {
        step = iterator2.next();
        if (step.done) return step;
        data = step.value;
        if (shouldFilter && data.undirected !== mask) continue;
        break;
      }
      const value = {
        edge: data.key,
        attributes: data.attributes,
        source: data.source.key,
        target: data.target.key,
        sourceAttributes: data.source.attributes,
        targetAttributes: data.target.attributes,
        undirected: data.undirected
      };
      return { value, done: false };
    }
  };
}
function forEachEdgeForNode(breakable, multi, type, direction, nodeData, callback) {
  const fn = multi ? forEachMulti : forEachSimple;
  let found;
  if (type !== "undirected") {
    if (direction !== "out") {
      found = fn(breakable, nodeData.in, callback);
      if (breakable && found) return found;
    }
    if (direction !== "in") {
      found = fn(
        breakable,
        nodeData.out,
        callback,
        !direction ? nodeData.key : void 0
      );
      if (breakable && found) return found;
    }
  }
  if (type !== "directed") {
    found = fn(breakable, nodeData.undirected, callback);
    if (breakable && found) return found;
  }
  return;
}
function createEdgeArrayForNode(multi, type, direction, nodeData) {
  const edges = [];
  forEachEdgeForNode(false, multi, type, direction, nodeData, function(key) {
    edges.push(key);
  });
  return edges;
}
function createEdgeIteratorForNode(type, direction, nodeData) {
  let iterator2 = emptyIterator();
  if (type !== "undirected") {
    if (direction !== "out" && typeof nodeData.in !== "undefined")
      iterator2 = chain(iterator2, createIterator(nodeData.in));
    if (direction !== "in" && typeof nodeData.out !== "undefined")
      iterator2 = chain(
        iterator2,
        createIterator(nodeData.out, !direction ? nodeData.key : void 0)
      );
  }
  if (type !== "directed" && typeof nodeData.undirected !== "undefined") {
    iterator2 = chain(iterator2, createIterator(nodeData.undirected));
  }
  return iterator2;
}
function forEachEdgeForPath(breakable, type, multi, direction, sourceData, target, callback) {
  const fn = multi ? forEachForKeyMulti : forEachForKeySimple;
  let found;
  if (type !== "undirected") {
    if (typeof sourceData.in !== "undefined" && direction !== "out") {
      found = fn(breakable, sourceData.in, target, callback);
      if (breakable && found) return found;
    }
    if (typeof sourceData.out !== "undefined" && direction !== "in" && (direction || sourceData.key !== target)) {
      found = fn(breakable, sourceData.out, target, callback);
      if (breakable && found) return found;
    }
  }
  if (type !== "directed") {
    if (typeof sourceData.undirected !== "undefined") {
      found = fn(breakable, sourceData.undirected, target, callback);
      if (breakable && found) return found;
    }
  }
  return;
}
function createEdgeArrayForPath(type, multi, direction, sourceData, target) {
  const edges = [];
  forEachEdgeForPath(
    false,
    type,
    multi,
    direction,
    sourceData,
    target,
    function(key) {
      edges.push(key);
    }
  );
  return edges;
}
function createEdgeIteratorForPath(type, direction, sourceData, target) {
  let iterator2 = emptyIterator();
  if (type !== "undirected") {
    if (typeof sourceData.in !== "undefined" && direction !== "out" && target in sourceData.in)
      iterator2 = chain(iterator2, createIteratorForKey(sourceData.in, target));
    if (typeof sourceData.out !== "undefined" && direction !== "in" && target in sourceData.out && (direction || sourceData.key !== target))
      iterator2 = chain(iterator2, createIteratorForKey(sourceData.out, target));
  }
  if (type !== "directed") {
    if (typeof sourceData.undirected !== "undefined" && target in sourceData.undirected)
      iterator2 = chain(
        iterator2,
        createIteratorForKey(sourceData.undirected, target)
      );
  }
  return iterator2;
}
function attachEdgeArrayCreator(Class, description) {
  const { name, type, direction } = description;
  Class.prototype[name] = function(source, target) {
    if (type !== "mixed" && this.type !== "mixed" && type !== this.type)
      return [];
    if (!arguments.length) return createEdgeArray(this, type);
    if (arguments.length === 1) {
      source = "" + source;
      const nodeData = this._nodes.get(source);
      if (typeof nodeData === "undefined")
        throw new NotFoundGraphError(
          `Graph.${name}: could not find the "${source}" node in the graph.`
        );
      return createEdgeArrayForNode(
        this.multi,
        type === "mixed" ? this.type : type,
        direction,
        nodeData
      );
    }
    if (arguments.length === 2) {
      source = "" + source;
      target = "" + target;
      const sourceData = this._nodes.get(source);
      if (!sourceData)
        throw new NotFoundGraphError(
          `Graph.${name}:  could not find the "${source}" source node in the graph.`
        );
      if (!this._nodes.has(target))
        throw new NotFoundGraphError(
          `Graph.${name}:  could not find the "${target}" target node in the graph.`
        );
      return createEdgeArrayForPath(
        type,
        this.multi,
        direction,
        sourceData,
        target
      );
    }
    throw new InvalidArgumentsGraphError(
      `Graph.${name}: too many arguments (expecting 0, 1 or 2 and got ${arguments.length}).`
    );
  };
}
function attachForEachEdge(Class, description) {
  const { name, type, direction } = description;
  const forEachName = "forEach" + name[0].toUpperCase() + name.slice(1, -1);
  Class.prototype[forEachName] = function(source, target, callback) {
    if (type !== "mixed" && this.type !== "mixed" && type !== this.type) return;
    if (arguments.length === 1) {
      callback = source;
      return forEachEdge(false, this, type, callback);
    }
    if (arguments.length === 2) {
      source = "" + source;
      callback = target;
      const nodeData = this._nodes.get(source);
      if (typeof nodeData === "undefined")
        throw new NotFoundGraphError(
          `Graph.${forEachName}: could not find the "${source}" node in the graph.`
        );
      return forEachEdgeForNode(
        false,
        this.multi,
        type === "mixed" ? this.type : type,
        direction,
        nodeData,
        callback
      );
    }
    if (arguments.length === 3) {
      source = "" + source;
      target = "" + target;
      const sourceData = this._nodes.get(source);
      if (!sourceData)
        throw new NotFoundGraphError(
          `Graph.${forEachName}:  could not find the "${source}" source node in the graph.`
        );
      if (!this._nodes.has(target))
        throw new NotFoundGraphError(
          `Graph.${forEachName}:  could not find the "${target}" target node in the graph.`
        );
      return forEachEdgeForPath(
        false,
        type,
        this.multi,
        direction,
        sourceData,
        target,
        callback
      );
    }
    throw new InvalidArgumentsGraphError(
      `Graph.${forEachName}: too many arguments (expecting 1, 2 or 3 and got ${arguments.length}).`
    );
  };
  const mapName = "map" + name[0].toUpperCase() + name.slice(1);
  Class.prototype[mapName] = function() {
    const args = Array.prototype.slice.call(arguments);
    const callback = args.pop();
    let result;
    if (args.length === 0) {
      let length = 0;
      if (type !== "directed") length += this.undirectedSize;
      if (type !== "undirected") length += this.directedSize;
      result = new Array(length);
      let i = 0;
      args.push((e, ea, s, t, sa, ta, u) => {
        result[i++] = callback(e, ea, s, t, sa, ta, u);
      });
    } else {
      result = [];
      args.push((e, ea, s, t, sa, ta, u) => {
        result.push(callback(e, ea, s, t, sa, ta, u));
      });
    }
    this[forEachName].apply(this, args);
    return result;
  };
  const filterName = "filter" + name[0].toUpperCase() + name.slice(1);
  Class.prototype[filterName] = function() {
    const args = Array.prototype.slice.call(arguments);
    const callback = args.pop();
    const result = [];
    args.push((e, ea, s, t, sa, ta, u) => {
      if (callback(e, ea, s, t, sa, ta, u)) result.push(e);
    });
    this[forEachName].apply(this, args);
    return result;
  };
  const reduceName = "reduce" + name[0].toUpperCase() + name.slice(1);
  Class.prototype[reduceName] = function() {
    let args = Array.prototype.slice.call(arguments);
    if (args.length < 2 || args.length > 4) {
      throw new InvalidArgumentsGraphError(
        `Graph.${reduceName}: invalid number of arguments (expecting 2, 3 or 4 and got ${args.length}).`
      );
    }
    if (typeof args[args.length - 1] === "function" && typeof args[args.length - 2] !== "function") {
      throw new InvalidArgumentsGraphError(
        `Graph.${reduceName}: missing initial value. You must provide it because the callback takes more than one argument and we cannot infer the initial value from the first iteration, as you could with a simple array.`
      );
    }
    let callback;
    let initialValue;
    if (args.length === 2) {
      callback = args[0];
      initialValue = args[1];
      args = [];
    } else if (args.length === 3) {
      callback = args[1];
      initialValue = args[2];
      args = [args[0]];
    } else if (args.length === 4) {
      callback = args[2];
      initialValue = args[3];
      args = [args[0], args[1]];
    }
    let accumulator = initialValue;
    args.push((e, ea, s, t, sa, ta, u) => {
      accumulator = callback(accumulator, e, ea, s, t, sa, ta, u);
    });
    this[forEachName].apply(this, args);
    return accumulator;
  };
}
function attachFindEdge(Class, description) {
  const { name, type, direction } = description;
  const findEdgeName = "find" + name[0].toUpperCase() + name.slice(1, -1);
  Class.prototype[findEdgeName] = function(source, target, callback) {
    if (type !== "mixed" && this.type !== "mixed" && type !== this.type)
      return false;
    if (arguments.length === 1) {
      callback = source;
      return forEachEdge(true, this, type, callback);
    }
    if (arguments.length === 2) {
      source = "" + source;
      callback = target;
      const nodeData = this._nodes.get(source);
      if (typeof nodeData === "undefined")
        throw new NotFoundGraphError(
          `Graph.${findEdgeName}: could not find the "${source}" node in the graph.`
        );
      return forEachEdgeForNode(
        true,
        this.multi,
        type === "mixed" ? this.type : type,
        direction,
        nodeData,
        callback
      );
    }
    if (arguments.length === 3) {
      source = "" + source;
      target = "" + target;
      const sourceData = this._nodes.get(source);
      if (!sourceData)
        throw new NotFoundGraphError(
          `Graph.${findEdgeName}:  could not find the "${source}" source node in the graph.`
        );
      if (!this._nodes.has(target))
        throw new NotFoundGraphError(
          `Graph.${findEdgeName}:  could not find the "${target}" target node in the graph.`
        );
      return forEachEdgeForPath(
        true,
        type,
        this.multi,
        direction,
        sourceData,
        target,
        callback
      );
    }
    throw new InvalidArgumentsGraphError(
      `Graph.${findEdgeName}: too many arguments (expecting 1, 2 or 3 and got ${arguments.length}).`
    );
  };
  const someName = "some" + name[0].toUpperCase() + name.slice(1, -1);
  Class.prototype[someName] = function() {
    const args = Array.prototype.slice.call(arguments);
    const callback = args.pop();
    args.push((e, ea, s, t, sa, ta, u) => {
      return callback(e, ea, s, t, sa, ta, u);
    });
    const found = this[findEdgeName].apply(this, args);
    if (found) return true;
    return false;
  };
  const everyName = "every" + name[0].toUpperCase() + name.slice(1, -1);
  Class.prototype[everyName] = function() {
    const args = Array.prototype.slice.call(arguments);
    const callback = args.pop();
    args.push((e, ea, s, t, sa, ta, u) => {
      return !callback(e, ea, s, t, sa, ta, u);
    });
    const found = this[findEdgeName].apply(this, args);
    if (found) return false;
    return true;
  };
}
function attachEdgeIteratorCreator(Class, description) {
  const { name: originalName, type, direction } = description;
  const name = originalName.slice(0, -1) + "Entries";
  Class.prototype[name] = function(source, target) {
    if (type !== "mixed" && this.type !== "mixed" && type !== this.type)
      return emptyIterator();
    if (!arguments.length) return createEdgeIterator(this, type);
    if (arguments.length === 1) {
      source = "" + source;
      const sourceData = this._nodes.get(source);
      if (!sourceData)
        throw new NotFoundGraphError(
          `Graph.${name}: could not find the "${source}" node in the graph.`
        );
      return createEdgeIteratorForNode(type, direction, sourceData);
    }
    if (arguments.length === 2) {
      source = "" + source;
      target = "" + target;
      const sourceData = this._nodes.get(source);
      if (!sourceData)
        throw new NotFoundGraphError(
          `Graph.${name}:  could not find the "${source}" source node in the graph.`
        );
      if (!this._nodes.has(target))
        throw new NotFoundGraphError(
          `Graph.${name}:  could not find the "${target}" target node in the graph.`
        );
      return createEdgeIteratorForPath(type, direction, sourceData, target);
    }
    throw new InvalidArgumentsGraphError(
      `Graph.${name}: too many arguments (expecting 0, 1 or 2 and got ${arguments.length}).`
    );
  };
}
function attachEdgeIterationMethods(Graph2) {
  EDGES_ITERATION.forEach((description) => {
    attachEdgeArrayCreator(Graph2, description);
    attachForEachEdge(Graph2, description);
    attachFindEdge(Graph2, description);
    attachEdgeIteratorCreator(Graph2, description);
  });
}
var NEIGHBORS_ITERATION = [
  {
    name: "neighbors",
    type: "mixed"
  },
  {
    name: "inNeighbors",
    type: "directed",
    direction: "in"
  },
  {
    name: "outNeighbors",
    type: "directed",
    direction: "out"
  },
  {
    name: "inboundNeighbors",
    type: "mixed",
    direction: "in"
  },
  {
    name: "outboundNeighbors",
    type: "mixed",
    direction: "out"
  },
  {
    name: "directedNeighbors",
    type: "directed"
  },
  {
    name: "undirectedNeighbors",
    type: "undirected"
  }
];
function CompositeSetWrapper() {
  this.A = null;
  this.B = null;
}
CompositeSetWrapper.prototype.wrap = function(set) {
  if (this.A === null) this.A = set;
  else if (this.B === null) this.B = set;
};
CompositeSetWrapper.prototype.has = function(key) {
  if (this.A !== null && key in this.A) return true;
  if (this.B !== null && key in this.B) return true;
  return false;
};
function forEachInObjectOnce(breakable, visited, nodeData, object, callback) {
  for (const k in object) {
    const edgeData = object[k];
    const sourceData = edgeData.source;
    const targetData = edgeData.target;
    const neighborData = sourceData === nodeData ? targetData : sourceData;
    if (visited && visited.has(neighborData.key)) continue;
    const shouldBreak = callback(neighborData.key, neighborData.attributes);
    if (breakable && shouldBreak) return neighborData.key;
  }
  return;
}
function forEachNeighbor(breakable, type, direction, nodeData, callback) {
  if (type !== "mixed") {
    if (type === "undirected")
      return forEachInObjectOnce(
        breakable,
        null,
        nodeData,
        nodeData.undirected,
        callback
      );
    if (typeof direction === "string")
      return forEachInObjectOnce(
        breakable,
        null,
        nodeData,
        nodeData[direction],
        callback
      );
  }
  const visited = new CompositeSetWrapper();
  let found;
  if (type !== "undirected") {
    if (direction !== "out") {
      found = forEachInObjectOnce(
        breakable,
        null,
        nodeData,
        nodeData.in,
        callback
      );
      if (breakable && found) return found;
      visited.wrap(nodeData.in);
    }
    if (direction !== "in") {
      found = forEachInObjectOnce(
        breakable,
        visited,
        nodeData,
        nodeData.out,
        callback
      );
      if (breakable && found) return found;
      visited.wrap(nodeData.out);
    }
  }
  if (type !== "directed") {
    found = forEachInObjectOnce(
      breakable,
      visited,
      nodeData,
      nodeData.undirected,
      callback
    );
    if (breakable && found) return found;
  }
  return;
}
function createNeighborArrayForNode(type, direction, nodeData) {
  if (type !== "mixed") {
    if (type === "undirected") return Object.keys(nodeData.undirected);
    if (typeof direction === "string") return Object.keys(nodeData[direction]);
  }
  const neighbors = [];
  forEachNeighbor(false, type, direction, nodeData, function(key) {
    neighbors.push(key);
  });
  return neighbors;
}
function createDedupedObjectIterator(visited, nodeData, object) {
  const keys = Object.keys(object);
  const l = keys.length;
  let i = 0;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      let neighborData = null;
      do {
        if (i >= l) {
          if (visited) visited.wrap(object);
          return { done: true };
        }
        const edgeData = object[keys[i++]];
        const sourceData = edgeData.source;
        const targetData = edgeData.target;
        neighborData = sourceData === nodeData ? targetData : sourceData;
        if (visited && visited.has(neighborData.key)) {
          neighborData = null;
          continue;
        }
      } while (neighborData === null);
      return {
        done: false,
        value: { neighbor: neighborData.key, attributes: neighborData.attributes }
      };
    }
  };
}
function createNeighborIterator(type, direction, nodeData) {
  if (type !== "mixed") {
    if (type === "undirected")
      return createDedupedObjectIterator(null, nodeData, nodeData.undirected);
    if (typeof direction === "string")
      return createDedupedObjectIterator(null, nodeData, nodeData[direction]);
  }
  let iterator2 = emptyIterator();
  const visited = new CompositeSetWrapper();
  if (type !== "undirected") {
    if (direction !== "out") {
      iterator2 = chain(
        iterator2,
        createDedupedObjectIterator(visited, nodeData, nodeData.in)
      );
    }
    if (direction !== "in") {
      iterator2 = chain(
        iterator2,
        createDedupedObjectIterator(visited, nodeData, nodeData.out)
      );
    }
  }
  if (type !== "directed") {
    iterator2 = chain(
      iterator2,
      createDedupedObjectIterator(visited, nodeData, nodeData.undirected)
    );
  }
  return iterator2;
}
function attachNeighborArrayCreator(Class, description) {
  const { name, type, direction } = description;
  Class.prototype[name] = function(node3) {
    if (type !== "mixed" && this.type !== "mixed" && type !== this.type)
      return [];
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (typeof nodeData === "undefined")
      throw new NotFoundGraphError(
        `Graph.${name}: could not find the "${node3}" node in the graph.`
      );
    return createNeighborArrayForNode(
      type === "mixed" ? this.type : type,
      direction,
      nodeData
    );
  };
}
function attachForEachNeighbor(Class, description) {
  const { name, type, direction } = description;
  const forEachName = "forEach" + name[0].toUpperCase() + name.slice(1, -1);
  Class.prototype[forEachName] = function(node3, callback) {
    if (type !== "mixed" && this.type !== "mixed" && type !== this.type) return;
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (typeof nodeData === "undefined")
      throw new NotFoundGraphError(
        `Graph.${forEachName}: could not find the "${node3}" node in the graph.`
      );
    forEachNeighbor(
      false,
      type === "mixed" ? this.type : type,
      direction,
      nodeData,
      callback
    );
  };
  const mapName = "map" + name[0].toUpperCase() + name.slice(1);
  Class.prototype[mapName] = function(node3, callback) {
    const result = [];
    this[forEachName](node3, (n, a) => {
      result.push(callback(n, a));
    });
    return result;
  };
  const filterName = "filter" + name[0].toUpperCase() + name.slice(1);
  Class.prototype[filterName] = function(node3, callback) {
    const result = [];
    this[forEachName](node3, (n, a) => {
      if (callback(n, a)) result.push(n);
    });
    return result;
  };
  const reduceName = "reduce" + name[0].toUpperCase() + name.slice(1);
  Class.prototype[reduceName] = function(node3, callback, initialValue) {
    if (arguments.length < 3)
      throw new InvalidArgumentsGraphError(
        `Graph.${reduceName}: missing initial value. You must provide it because the callback takes more than one argument and we cannot infer the initial value from the first iteration, as you could with a simple array.`
      );
    let accumulator = initialValue;
    this[forEachName](node3, (n, a) => {
      accumulator = callback(accumulator, n, a);
    });
    return accumulator;
  };
}
function attachFindNeighbor(Class, description) {
  const { name, type, direction } = description;
  const capitalizedSingular = name[0].toUpperCase() + name.slice(1, -1);
  const findName = "find" + capitalizedSingular;
  Class.prototype[findName] = function(node3, callback) {
    if (type !== "mixed" && this.type !== "mixed" && type !== this.type) return;
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (typeof nodeData === "undefined")
      throw new NotFoundGraphError(
        `Graph.${findName}: could not find the "${node3}" node in the graph.`
      );
    return forEachNeighbor(
      true,
      type === "mixed" ? this.type : type,
      direction,
      nodeData,
      callback
    );
  };
  const someName = "some" + capitalizedSingular;
  Class.prototype[someName] = function(node3, callback) {
    const found = this[findName](node3, callback);
    if (found) return true;
    return false;
  };
  const everyName = "every" + capitalizedSingular;
  Class.prototype[everyName] = function(node3, callback) {
    const found = this[findName](node3, (n, a) => {
      return !callback(n, a);
    });
    if (found) return false;
    return true;
  };
}
function attachNeighborIteratorCreator(Class, description) {
  const { name, type, direction } = description;
  const iteratorName = name.slice(0, -1) + "Entries";
  Class.prototype[iteratorName] = function(node3) {
    if (type !== "mixed" && this.type !== "mixed" && type !== this.type)
      return emptyIterator();
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (typeof nodeData === "undefined")
      throw new NotFoundGraphError(
        `Graph.${iteratorName}: could not find the "${node3}" node in the graph.`
      );
    return createNeighborIterator(
      type === "mixed" ? this.type : type,
      direction,
      nodeData
    );
  };
}
function attachNeighborIterationMethods(Graph2) {
  NEIGHBORS_ITERATION.forEach((description) => {
    attachNeighborArrayCreator(Graph2, description);
    attachForEachNeighbor(Graph2, description);
    attachFindNeighbor(Graph2, description);
    attachNeighborIteratorCreator(Graph2, description);
  });
}
function forEachAdjacency(breakable, assymetric, disconnectedNodes, graph, callback) {
  const iterator2 = graph._nodes.values();
  const type = graph.type;
  let step, sourceData, neighbor, adj, edgeData, targetData, shouldBreak;
  while (step = iterator2.next(), step.done !== true) {
    let hasEdges = false;
    sourceData = step.value;
    if (type !== "undirected") {
      adj = sourceData.out;
      for (neighbor in adj) {
        edgeData = adj[neighbor];
        do {
          targetData = edgeData.target;
          hasEdges = true;
          shouldBreak = callback(
            sourceData.key,
            targetData.key,
            sourceData.attributes,
            targetData.attributes,
            edgeData.key,
            edgeData.attributes,
            edgeData.undirected
          );
          if (breakable && shouldBreak) return edgeData;
          edgeData = edgeData.next;
        } while (edgeData);
      }
    }
    if (type !== "directed") {
      adj = sourceData.undirected;
      for (neighbor in adj) {
        if (assymetric && sourceData.key > neighbor) continue;
        edgeData = adj[neighbor];
        do {
          targetData = edgeData.target;
          if (targetData.key !== neighbor) targetData = edgeData.source;
          hasEdges = true;
          shouldBreak = callback(
            sourceData.key,
            targetData.key,
            sourceData.attributes,
            targetData.attributes,
            edgeData.key,
            edgeData.attributes,
            edgeData.undirected
          );
          if (breakable && shouldBreak) return edgeData;
          edgeData = edgeData.next;
        } while (edgeData);
      }
    }
    if (disconnectedNodes && !hasEdges) {
      shouldBreak = callback(
        sourceData.key,
        null,
        sourceData.attributes,
        null,
        null,
        null,
        null
      );
      if (breakable && shouldBreak) return null;
    }
  }
  return;
}
function serializeNode(key, data) {
  const serialized = { key };
  if (!isEmpty(data.attributes))
    serialized.attributes = assign({}, data.attributes);
  return serialized;
}
function serializeEdge(type, key, data) {
  const serialized = {
    key,
    source: data.source.key,
    target: data.target.key
  };
  if (!isEmpty(data.attributes))
    serialized.attributes = assign({}, data.attributes);
  if (type === "mixed" && data.undirected) serialized.undirected = true;
  return serialized;
}
function validateSerializedNode(value) {
  if (!isPlainObject3(value))
    throw new InvalidArgumentsGraphError(
      'Graph.import: invalid serialized node. A serialized node should be a plain object with at least a "key" property.'
    );
  if (!("key" in value))
    throw new InvalidArgumentsGraphError(
      "Graph.import: serialized node is missing its key."
    );
  if ("attributes" in value && (!isPlainObject3(value.attributes) || value.attributes === null))
    throw new InvalidArgumentsGraphError(
      "Graph.import: invalid attributes. Attributes should be a plain object, null or omitted."
    );
}
function validateSerializedEdge(value) {
  if (!isPlainObject3(value))
    throw new InvalidArgumentsGraphError(
      'Graph.import: invalid serialized edge. A serialized edge should be a plain object with at least a "source" & "target" property.'
    );
  if (!("source" in value))
    throw new InvalidArgumentsGraphError(
      "Graph.import: serialized edge is missing its source."
    );
  if (!("target" in value))
    throw new InvalidArgumentsGraphError(
      "Graph.import: serialized edge is missing its target."
    );
  if ("attributes" in value && (!isPlainObject3(value.attributes) || value.attributes === null))
    throw new InvalidArgumentsGraphError(
      "Graph.import: invalid attributes. Attributes should be a plain object, null or omitted."
    );
  if ("undirected" in value && typeof value.undirected !== "boolean")
    throw new InvalidArgumentsGraphError(
      "Graph.import: invalid undirectedness information. Undirected should be boolean or omitted."
    );
}
var INSTANCE_ID = incrementalIdStartingFromRandomByte();
var TYPES = /* @__PURE__ */ new Set(["directed", "undirected", "mixed"]);
var EMITTER_PROPS = /* @__PURE__ */ new Set([
  "domain",
  "_events",
  "_eventsCount",
  "_maxListeners"
]);
var EDGE_ADD_METHODS = [
  {
    name: (verb) => `${verb}Edge`,
    generateKey: true
  },
  {
    name: (verb) => `${verb}DirectedEdge`,
    generateKey: true,
    type: "directed"
  },
  {
    name: (verb) => `${verb}UndirectedEdge`,
    generateKey: true,
    type: "undirected"
  },
  {
    name: (verb) => `${verb}EdgeWithKey`
  },
  {
    name: (verb) => `${verb}DirectedEdgeWithKey`,
    type: "directed"
  },
  {
    name: (verb) => `${verb}UndirectedEdgeWithKey`,
    type: "undirected"
  }
];
var DEFAULTS2 = {
  allowSelfLoops: true,
  multi: false,
  type: "mixed"
};
function addNode(graph, node3, attributes) {
  if (attributes && !isPlainObject3(attributes))
    throw new InvalidArgumentsGraphError(
      `Graph.addNode: invalid attributes. Expecting an object but got "${attributes}"`
    );
  node3 = "" + node3;
  attributes = attributes || {};
  if (graph._nodes.has(node3))
    throw new UsageGraphError(
      `Graph.addNode: the "${node3}" node already exist in the graph.`
    );
  const data = new graph.NodeDataClass(node3, attributes);
  graph._nodes.set(node3, data);
  graph.emit("nodeAdded", {
    key: node3,
    attributes
  });
  return data;
}
function unsafeAddNode(graph, node3, attributes) {
  const data = new graph.NodeDataClass(node3, attributes);
  graph._nodes.set(node3, data);
  graph.emit("nodeAdded", {
    key: node3,
    attributes
  });
  return data;
}
function addEdge(graph, name, mustGenerateKey, undirected, edge, source, target, attributes) {
  if (!undirected && graph.type === "undirected")
    throw new UsageGraphError(
      `Graph.${name}: you cannot add a directed edge to an undirected graph. Use the #.addEdge or #.addUndirectedEdge instead.`
    );
  if (undirected && graph.type === "directed")
    throw new UsageGraphError(
      `Graph.${name}: you cannot add an undirected edge to a directed graph. Use the #.addEdge or #.addDirectedEdge instead.`
    );
  if (attributes && !isPlainObject3(attributes))
    throw new InvalidArgumentsGraphError(
      `Graph.${name}: invalid attributes. Expecting an object but got "${attributes}"`
    );
  source = "" + source;
  target = "" + target;
  attributes = attributes || {};
  if (!graph.allowSelfLoops && source === target)
    throw new UsageGraphError(
      `Graph.${name}: source & target are the same ("${source}"), thus creating a loop explicitly forbidden by this graph 'allowSelfLoops' option set to false.`
    );
  const sourceData = graph._nodes.get(source), targetData = graph._nodes.get(target);
  if (!sourceData)
    throw new NotFoundGraphError(
      `Graph.${name}: source node "${source}" not found.`
    );
  if (!targetData)
    throw new NotFoundGraphError(
      `Graph.${name}: target node "${target}" not found.`
    );
  const eventData = {
    key: null,
    undirected,
    source,
    target,
    attributes
  };
  if (mustGenerateKey) {
    edge = graph._edgeKeyGenerator();
  } else {
    edge = "" + edge;
    if (graph._edges.has(edge))
      throw new UsageGraphError(
        `Graph.${name}: the "${edge}" edge already exists in the graph.`
      );
  }
  if (!graph.multi && (undirected ? typeof sourceData.undirected[target] !== "undefined" : typeof sourceData.out[target] !== "undefined")) {
    throw new UsageGraphError(
      `Graph.${name}: an edge linking "${source}" to "${target}" already exists. If you really want to add multiple edges linking those nodes, you should create a multi graph by using the 'multi' option.`
    );
  }
  const edgeData = new EdgeData(
    undirected,
    edge,
    sourceData,
    targetData,
    attributes
  );
  graph._edges.set(edge, edgeData);
  const isSelfLoop = source === target;
  if (undirected) {
    sourceData.undirectedDegree++;
    targetData.undirectedDegree++;
    if (isSelfLoop) {
      sourceData.undirectedLoops++;
      graph._undirectedSelfLoopCount++;
    }
  } else {
    sourceData.outDegree++;
    targetData.inDegree++;
    if (isSelfLoop) {
      sourceData.directedLoops++;
      graph._directedSelfLoopCount++;
    }
  }
  if (graph.multi) edgeData.attachMulti();
  else edgeData.attach();
  if (undirected) graph._undirectedSize++;
  else graph._directedSize++;
  eventData.key = edge;
  graph.emit("edgeAdded", eventData);
  return edge;
}
function mergeEdge(graph, name, mustGenerateKey, undirected, edge, source, target, attributes, asUpdater) {
  if (!undirected && graph.type === "undirected")
    throw new UsageGraphError(
      `Graph.${name}: you cannot merge/update a directed edge to an undirected graph. Use the #.mergeEdge/#.updateEdge or #.addUndirectedEdge instead.`
    );
  if (undirected && graph.type === "directed")
    throw new UsageGraphError(
      `Graph.${name}: you cannot merge/update an undirected edge to a directed graph. Use the #.mergeEdge/#.updateEdge or #.addDirectedEdge instead.`
    );
  if (attributes) {
    if (asUpdater) {
      if (typeof attributes !== "function")
        throw new InvalidArgumentsGraphError(
          `Graph.${name}: invalid updater function. Expecting a function but got "${attributes}"`
        );
    } else {
      if (!isPlainObject3(attributes))
        throw new InvalidArgumentsGraphError(
          `Graph.${name}: invalid attributes. Expecting an object but got "${attributes}"`
        );
    }
  }
  source = "" + source;
  target = "" + target;
  let updater;
  if (asUpdater) {
    updater = attributes;
    attributes = void 0;
  }
  if (!graph.allowSelfLoops && source === target)
    throw new UsageGraphError(
      `Graph.${name}: source & target are the same ("${source}"), thus creating a loop explicitly forbidden by this graph 'allowSelfLoops' option set to false.`
    );
  let sourceData = graph._nodes.get(source);
  let targetData = graph._nodes.get(target);
  let edgeData;
  let alreadyExistingEdgeData;
  if (!mustGenerateKey) {
    edgeData = graph._edges.get(edge);
    if (edgeData) {
      if (edgeData.source.key !== source || edgeData.target.key !== target) {
        if (!undirected || edgeData.source.key !== target || edgeData.target.key !== source) {
          throw new UsageGraphError(
            `Graph.${name}: inconsistency detected when attempting to merge the "${edge}" edge with "${source}" source & "${target}" target vs. ("${edgeData.source.key}", "${edgeData.target.key}").`
          );
        }
      }
      alreadyExistingEdgeData = edgeData;
    }
  }
  if (!alreadyExistingEdgeData && !graph.multi && sourceData) {
    alreadyExistingEdgeData = undirected ? sourceData.undirected[target] : sourceData.out[target];
  }
  if (alreadyExistingEdgeData) {
    const info = [alreadyExistingEdgeData.key, false, false, false];
    if (asUpdater ? !updater : !attributes) return info;
    if (asUpdater) {
      const oldAttributes = alreadyExistingEdgeData.attributes;
      alreadyExistingEdgeData.attributes = updater(oldAttributes);
      graph.emit("edgeAttributesUpdated", {
        type: "replace",
        key: alreadyExistingEdgeData.key,
        attributes: alreadyExistingEdgeData.attributes
      });
    } else {
      assign(alreadyExistingEdgeData.attributes, attributes);
      graph.emit("edgeAttributesUpdated", {
        type: "merge",
        key: alreadyExistingEdgeData.key,
        attributes: alreadyExistingEdgeData.attributes,
        data: attributes
      });
    }
    return info;
  }
  attributes = attributes || {};
  if (asUpdater && updater) attributes = updater(attributes);
  const eventData = {
    key: null,
    undirected,
    source,
    target,
    attributes
  };
  if (mustGenerateKey) {
    edge = graph._edgeKeyGenerator();
  } else {
    edge = "" + edge;
    if (graph._edges.has(edge))
      throw new UsageGraphError(
        `Graph.${name}: the "${edge}" edge already exists in the graph.`
      );
  }
  let sourceWasAdded = false;
  let targetWasAdded = false;
  if (!sourceData) {
    sourceData = unsafeAddNode(graph, source, {});
    sourceWasAdded = true;
    if (source === target) {
      targetData = sourceData;
      targetWasAdded = true;
    }
  }
  if (!targetData) {
    targetData = unsafeAddNode(graph, target, {});
    targetWasAdded = true;
  }
  edgeData = new EdgeData(undirected, edge, sourceData, targetData, attributes);
  graph._edges.set(edge, edgeData);
  const isSelfLoop = source === target;
  if (undirected) {
    sourceData.undirectedDegree++;
    targetData.undirectedDegree++;
    if (isSelfLoop) {
      sourceData.undirectedLoops++;
      graph._undirectedSelfLoopCount++;
    }
  } else {
    sourceData.outDegree++;
    targetData.inDegree++;
    if (isSelfLoop) {
      sourceData.directedLoops++;
      graph._directedSelfLoopCount++;
    }
  }
  if (graph.multi) edgeData.attachMulti();
  else edgeData.attach();
  if (undirected) graph._undirectedSize++;
  else graph._directedSize++;
  eventData.key = edge;
  graph.emit("edgeAdded", eventData);
  return [edge, true, sourceWasAdded, targetWasAdded];
}
function dropEdgeFromData(graph, edgeData) {
  graph._edges.delete(edgeData.key);
  const { source: sourceData, target: targetData, attributes } = edgeData;
  const undirected = edgeData.undirected;
  const isSelfLoop = sourceData === targetData;
  if (undirected) {
    sourceData.undirectedDegree--;
    targetData.undirectedDegree--;
    if (isSelfLoop) {
      sourceData.undirectedLoops--;
      graph._undirectedSelfLoopCount--;
    }
  } else {
    sourceData.outDegree--;
    targetData.inDegree--;
    if (isSelfLoop) {
      sourceData.directedLoops--;
      graph._directedSelfLoopCount--;
    }
  }
  if (graph.multi) edgeData.detachMulti();
  else edgeData.detach();
  if (undirected) graph._undirectedSize--;
  else graph._directedSize--;
  graph.emit("edgeDropped", {
    key: edgeData.key,
    attributes,
    source: sourceData.key,
    target: targetData.key,
    undirected
  });
}
var Graph = class _Graph extends import_events.EventEmitter {
  constructor(options) {
    super();
    options = assign({}, DEFAULTS2, options);
    if (typeof options.multi !== "boolean")
      throw new InvalidArgumentsGraphError(
        `Graph.constructor: invalid 'multi' option. Expecting a boolean but got "${options.multi}".`
      );
    if (!TYPES.has(options.type))
      throw new InvalidArgumentsGraphError(
        `Graph.constructor: invalid 'type' option. Should be one of "mixed", "directed" or "undirected" but got "${options.type}".`
      );
    if (typeof options.allowSelfLoops !== "boolean")
      throw new InvalidArgumentsGraphError(
        `Graph.constructor: invalid 'allowSelfLoops' option. Expecting a boolean but got "${options.allowSelfLoops}".`
      );
    const NodeDataClass = options.type === "mixed" ? MixedNodeData : options.type === "directed" ? DirectedNodeData : UndirectedNodeData;
    privateProperty(this, "NodeDataClass", NodeDataClass);
    const instancePrefix = "geid_" + INSTANCE_ID() + "_";
    let edgeId = 0;
    const edgeKeyGenerator = () => {
      let availableEdgeKey;
      do {
        availableEdgeKey = instancePrefix + edgeId++;
      } while (this._edges.has(availableEdgeKey));
      return availableEdgeKey;
    };
    privateProperty(this, "_attributes", {});
    privateProperty(this, "_nodes", /* @__PURE__ */ new Map());
    privateProperty(this, "_edges", /* @__PURE__ */ new Map());
    privateProperty(this, "_directedSize", 0);
    privateProperty(this, "_undirectedSize", 0);
    privateProperty(this, "_directedSelfLoopCount", 0);
    privateProperty(this, "_undirectedSelfLoopCount", 0);
    privateProperty(this, "_edgeKeyGenerator", edgeKeyGenerator);
    privateProperty(this, "_options", options);
    EMITTER_PROPS.forEach((prop) => privateProperty(this, prop, this[prop]));
    readOnlyProperty(this, "order", () => this._nodes.size);
    readOnlyProperty(this, "size", () => this._edges.size);
    readOnlyProperty(this, "directedSize", () => this._directedSize);
    readOnlyProperty(this, "undirectedSize", () => this._undirectedSize);
    readOnlyProperty(
      this,
      "selfLoopCount",
      () => this._directedSelfLoopCount + this._undirectedSelfLoopCount
    );
    readOnlyProperty(
      this,
      "directedSelfLoopCount",
      () => this._directedSelfLoopCount
    );
    readOnlyProperty(
      this,
      "undirectedSelfLoopCount",
      () => this._undirectedSelfLoopCount
    );
    readOnlyProperty(this, "multi", this._options.multi);
    readOnlyProperty(this, "type", this._options.type);
    readOnlyProperty(this, "allowSelfLoops", this._options.allowSelfLoops);
    readOnlyProperty(this, "implementation", () => "graphology");
  }
  _resetInstanceCounters() {
    this._directedSize = 0;
    this._undirectedSize = 0;
    this._directedSelfLoopCount = 0;
    this._undirectedSelfLoopCount = 0;
  }
  /**---------------------------------------------------------------------------
   * Read
   **---------------------------------------------------------------------------
   */
  /**
   * Method returning whether the given node is found in the graph.
   *
   * @param  {any}     node - The node.
   * @return {boolean}
   */
  hasNode(node3) {
    return this._nodes.has("" + node3);
  }
  /**
   * Method returning whether the given directed edge is found in the graph.
   *
   * Arity 1:
   * @param  {any}     edge - The edge's key.
   *
   * Arity 2:
   * @param  {any}     source - The edge's source.
   * @param  {any}     target - The edge's target.
   *
   * @return {boolean}
   *
   * @throws {Error} - Will throw if the arguments are invalid.
   */
  hasDirectedEdge(source, target) {
    if (this.type === "undirected") return false;
    if (arguments.length === 1) {
      const edge = "" + source;
      const edgeData = this._edges.get(edge);
      return !!edgeData && !edgeData.undirected;
    } else if (arguments.length === 2) {
      source = "" + source;
      target = "" + target;
      const nodeData = this._nodes.get(source);
      if (!nodeData) return false;
      return nodeData.out.hasOwnProperty(target);
    }
    throw new InvalidArgumentsGraphError(
      `Graph.hasDirectedEdge: invalid arity (${arguments.length}, instead of 1 or 2). You can either ask for an edge id or for the existence of an edge between a source & a target.`
    );
  }
  /**
   * Method returning whether the given undirected edge is found in the graph.
   *
   * Arity 1:
   * @param  {any}     edge - The edge's key.
   *
   * Arity 2:
   * @param  {any}     source - The edge's source.
   * @param  {any}     target - The edge's target.
   *
   * @return {boolean}
   *
   * @throws {Error} - Will throw if the arguments are invalid.
   */
  hasUndirectedEdge(source, target) {
    if (this.type === "directed") return false;
    if (arguments.length === 1) {
      const edge = "" + source;
      const edgeData = this._edges.get(edge);
      return !!edgeData && edgeData.undirected;
    } else if (arguments.length === 2) {
      source = "" + source;
      target = "" + target;
      const nodeData = this._nodes.get(source);
      if (!nodeData) return false;
      return nodeData.undirected.hasOwnProperty(target);
    }
    throw new InvalidArgumentsGraphError(
      `Graph.hasDirectedEdge: invalid arity (${arguments.length}, instead of 1 or 2). You can either ask for an edge id or for the existence of an edge between a source & a target.`
    );
  }
  /**
   * Method returning whether the given edge is found in the graph.
   *
   * Arity 1:
   * @param  {any}     edge - The edge's key.
   *
   * Arity 2:
   * @param  {any}     source - The edge's source.
   * @param  {any}     target - The edge's target.
   *
   * @return {boolean}
   *
   * @throws {Error} - Will throw if the arguments are invalid.
   */
  hasEdge(source, target) {
    if (arguments.length === 1) {
      const edge = "" + source;
      return this._edges.has(edge);
    } else if (arguments.length === 2) {
      source = "" + source;
      target = "" + target;
      const nodeData = this._nodes.get(source);
      if (!nodeData) return false;
      return typeof nodeData.out !== "undefined" && nodeData.out.hasOwnProperty(target) || typeof nodeData.undirected !== "undefined" && nodeData.undirected.hasOwnProperty(target);
    }
    throw new InvalidArgumentsGraphError(
      `Graph.hasEdge: invalid arity (${arguments.length}, instead of 1 or 2). You can either ask for an edge id or for the existence of an edge between a source & a target.`
    );
  }
  /**
   * Method returning the edge matching source & target in a directed fashion.
   *
   * @param  {any} source - The edge's source.
   * @param  {any} target - The edge's target.
   *
   * @return {any|undefined}
   *
   * @throws {Error} - Will throw if the graph is multi.
   * @throws {Error} - Will throw if source or target doesn't exist.
   */
  directedEdge(source, target) {
    if (this.type === "undirected") return;
    source = "" + source;
    target = "" + target;
    if (this.multi)
      throw new UsageGraphError(
        "Graph.directedEdge: this method is irrelevant with multigraphs since there might be multiple edges between source & target. See #.directedEdges instead."
      );
    const sourceData = this._nodes.get(source);
    if (!sourceData)
      throw new NotFoundGraphError(
        `Graph.directedEdge: could not find the "${source}" source node in the graph.`
      );
    if (!this._nodes.has(target))
      throw new NotFoundGraphError(
        `Graph.directedEdge: could not find the "${target}" target node in the graph.`
      );
    const edgeData = sourceData.out && sourceData.out[target] || void 0;
    if (edgeData) return edgeData.key;
  }
  /**
   * Method returning the edge matching source & target in a undirected fashion.
   *
   * @param  {any} source - The edge's source.
   * @param  {any} target - The edge's target.
   *
   * @return {any|undefined}
   *
   * @throws {Error} - Will throw if the graph is multi.
   * @throws {Error} - Will throw if source or target doesn't exist.
   */
  undirectedEdge(source, target) {
    if (this.type === "directed") return;
    source = "" + source;
    target = "" + target;
    if (this.multi)
      throw new UsageGraphError(
        "Graph.undirectedEdge: this method is irrelevant with multigraphs since there might be multiple edges between source & target. See #.undirectedEdges instead."
      );
    const sourceData = this._nodes.get(source);
    if (!sourceData)
      throw new NotFoundGraphError(
        `Graph.undirectedEdge: could not find the "${source}" source node in the graph.`
      );
    if (!this._nodes.has(target))
      throw new NotFoundGraphError(
        `Graph.undirectedEdge: could not find the "${target}" target node in the graph.`
      );
    const edgeData = sourceData.undirected && sourceData.undirected[target] || void 0;
    if (edgeData) return edgeData.key;
  }
  /**
   * Method returning the edge matching source & target in a mixed fashion.
   *
   * @param  {any} source - The edge's source.
   * @param  {any} target - The edge's target.
   *
   * @return {any|undefined}
   *
   * @throws {Error} - Will throw if the graph is multi.
   * @throws {Error} - Will throw if source or target doesn't exist.
   */
  edge(source, target) {
    if (this.multi)
      throw new UsageGraphError(
        "Graph.edge: this method is irrelevant with multigraphs since there might be multiple edges between source & target. See #.edges instead."
      );
    source = "" + source;
    target = "" + target;
    const sourceData = this._nodes.get(source);
    if (!sourceData)
      throw new NotFoundGraphError(
        `Graph.edge: could not find the "${source}" source node in the graph.`
      );
    if (!this._nodes.has(target))
      throw new NotFoundGraphError(
        `Graph.edge: could not find the "${target}" target node in the graph.`
      );
    const edgeData = sourceData.out && sourceData.out[target] || sourceData.undirected && sourceData.undirected[target] || void 0;
    if (edgeData) return edgeData.key;
  }
  /**
   * Method returning whether two nodes are directed neighbors.
   *
   * @param  {any}     node     - The node's key.
   * @param  {any}     neighbor - The neighbor's key.
   * @return {boolean}
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  areDirectedNeighbors(node3, neighbor) {
    node3 = "" + node3;
    neighbor = "" + neighbor;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.areDirectedNeighbors: could not find the "${node3}" node in the graph.`
      );
    if (this.type === "undirected") return false;
    return neighbor in nodeData.in || neighbor in nodeData.out;
  }
  /**
   * Method returning whether two nodes are out neighbors.
   *
   * @param  {any}     node     - The node's key.
   * @param  {any}     neighbor - The neighbor's key.
   * @return {boolean}
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  areOutNeighbors(node3, neighbor) {
    node3 = "" + node3;
    neighbor = "" + neighbor;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.areOutNeighbors: could not find the "${node3}" node in the graph.`
      );
    if (this.type === "undirected") return false;
    return neighbor in nodeData.out;
  }
  /**
   * Method returning whether two nodes are in neighbors.
   *
   * @param  {any}     node     - The node's key.
   * @param  {any}     neighbor - The neighbor's key.
   * @return {boolean}
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  areInNeighbors(node3, neighbor) {
    node3 = "" + node3;
    neighbor = "" + neighbor;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.areInNeighbors: could not find the "${node3}" node in the graph.`
      );
    if (this.type === "undirected") return false;
    return neighbor in nodeData.in;
  }
  /**
   * Method returning whether two nodes are undirected neighbors.
   *
   * @param  {any}     node     - The node's key.
   * @param  {any}     neighbor - The neighbor's key.
   * @return {boolean}
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  areUndirectedNeighbors(node3, neighbor) {
    node3 = "" + node3;
    neighbor = "" + neighbor;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.areUndirectedNeighbors: could not find the "${node3}" node in the graph.`
      );
    if (this.type === "directed") return false;
    return neighbor in nodeData.undirected;
  }
  /**
   * Method returning whether two nodes are neighbors.
   *
   * @param  {any}     node     - The node's key.
   * @param  {any}     neighbor - The neighbor's key.
   * @return {boolean}
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  areNeighbors(node3, neighbor) {
    node3 = "" + node3;
    neighbor = "" + neighbor;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.areNeighbors: could not find the "${node3}" node in the graph.`
      );
    if (this.type !== "undirected") {
      if (neighbor in nodeData.in || neighbor in nodeData.out) return true;
    }
    if (this.type !== "directed") {
      if (neighbor in nodeData.undirected) return true;
    }
    return false;
  }
  /**
   * Method returning whether two nodes are inbound neighbors.
   *
   * @param  {any}     node     - The node's key.
   * @param  {any}     neighbor - The neighbor's key.
   * @return {boolean}
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  areInboundNeighbors(node3, neighbor) {
    node3 = "" + node3;
    neighbor = "" + neighbor;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.areInboundNeighbors: could not find the "${node3}" node in the graph.`
      );
    if (this.type !== "undirected") {
      if (neighbor in nodeData.in) return true;
    }
    if (this.type !== "directed") {
      if (neighbor in nodeData.undirected) return true;
    }
    return false;
  }
  /**
   * Method returning whether two nodes are outbound neighbors.
   *
   * @param  {any}     node     - The node's key.
   * @param  {any}     neighbor - The neighbor's key.
   * @return {boolean}
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  areOutboundNeighbors(node3, neighbor) {
    node3 = "" + node3;
    neighbor = "" + neighbor;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.areOutboundNeighbors: could not find the "${node3}" node in the graph.`
      );
    if (this.type !== "undirected") {
      if (neighbor in nodeData.out) return true;
    }
    if (this.type !== "directed") {
      if (neighbor in nodeData.undirected) return true;
    }
    return false;
  }
  /**
   * Method returning the given node's in degree.
   *
   * @param  {any}     node - The node's key.
   * @return {number}       - The node's in degree.
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  inDegree(node3) {
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.inDegree: could not find the "${node3}" node in the graph.`
      );
    if (this.type === "undirected") return 0;
    return nodeData.inDegree;
  }
  /**
   * Method returning the given node's out degree.
   *
   * @param  {any}     node - The node's key.
   * @return {number}       - The node's in degree.
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  outDegree(node3) {
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.outDegree: could not find the "${node3}" node in the graph.`
      );
    if (this.type === "undirected") return 0;
    return nodeData.outDegree;
  }
  /**
   * Method returning the given node's directed degree.
   *
   * @param  {any}     node - The node's key.
   * @return {number}       - The node's in degree.
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  directedDegree(node3) {
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.directedDegree: could not find the "${node3}" node in the graph.`
      );
    if (this.type === "undirected") return 0;
    return nodeData.inDegree + nodeData.outDegree;
  }
  /**
   * Method returning the given node's undirected degree.
   *
   * @param  {any}     node - The node's key.
   * @return {number}       - The node's in degree.
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  undirectedDegree(node3) {
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.undirectedDegree: could not find the "${node3}" node in the graph.`
      );
    if (this.type === "directed") return 0;
    return nodeData.undirectedDegree;
  }
  /**
   * Method returning the given node's inbound degree.
   *
   * @param  {any}     node - The node's key.
   * @return {number}       - The node's inbound degree.
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  inboundDegree(node3) {
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.inboundDegree: could not find the "${node3}" node in the graph.`
      );
    let degree = 0;
    if (this.type !== "directed") {
      degree += nodeData.undirectedDegree;
    }
    if (this.type !== "undirected") {
      degree += nodeData.inDegree;
    }
    return degree;
  }
  /**
   * Method returning the given node's outbound degree.
   *
   * @param  {any}     node - The node's key.
   * @return {number}       - The node's outbound degree.
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  outboundDegree(node3) {
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.outboundDegree: could not find the "${node3}" node in the graph.`
      );
    let degree = 0;
    if (this.type !== "directed") {
      degree += nodeData.undirectedDegree;
    }
    if (this.type !== "undirected") {
      degree += nodeData.outDegree;
    }
    return degree;
  }
  /**
   * Method returning the given node's directed degree.
   *
   * @param  {any}     node - The node's key.
   * @return {number}       - The node's degree.
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  degree(node3) {
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.degree: could not find the "${node3}" node in the graph.`
      );
    let degree = 0;
    if (this.type !== "directed") {
      degree += nodeData.undirectedDegree;
    }
    if (this.type !== "undirected") {
      degree += nodeData.inDegree + nodeData.outDegree;
    }
    return degree;
  }
  /**
   * Method returning the given node's in degree without considering self loops.
   *
   * @param  {any}     node - The node's key.
   * @return {number}       - The node's in degree.
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  inDegreeWithoutSelfLoops(node3) {
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.inDegreeWithoutSelfLoops: could not find the "${node3}" node in the graph.`
      );
    if (this.type === "undirected") return 0;
    return nodeData.inDegree - nodeData.directedLoops;
  }
  /**
   * Method returning the given node's out degree without considering self loops.
   *
   * @param  {any}     node - The node's key.
   * @return {number}       - The node's in degree.
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  outDegreeWithoutSelfLoops(node3) {
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.outDegreeWithoutSelfLoops: could not find the "${node3}" node in the graph.`
      );
    if (this.type === "undirected") return 0;
    return nodeData.outDegree - nodeData.directedLoops;
  }
  /**
   * Method returning the given node's directed degree without considering self loops.
   *
   * @param  {any}     node - The node's key.
   * @return {number}       - The node's in degree.
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  directedDegreeWithoutSelfLoops(node3) {
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.directedDegreeWithoutSelfLoops: could not find the "${node3}" node in the graph.`
      );
    if (this.type === "undirected") return 0;
    return nodeData.inDegree + nodeData.outDegree - nodeData.directedLoops * 2;
  }
  /**
   * Method returning the given node's undirected degree without considering self loops.
   *
   * @param  {any}     node - The node's key.
   * @return {number}       - The node's in degree.
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  undirectedDegreeWithoutSelfLoops(node3) {
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.undirectedDegreeWithoutSelfLoops: could not find the "${node3}" node in the graph.`
      );
    if (this.type === "directed") return 0;
    return nodeData.undirectedDegree - nodeData.undirectedLoops * 2;
  }
  /**
   * Method returning the given node's inbound degree without considering self loops.
   *
   * @param  {any}     node - The node's key.
   * @return {number}       - The node's inbound degree.
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  inboundDegreeWithoutSelfLoops(node3) {
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.inboundDegreeWithoutSelfLoops: could not find the "${node3}" node in the graph.`
      );
    let degree = 0;
    let loops = 0;
    if (this.type !== "directed") {
      degree += nodeData.undirectedDegree;
      loops += nodeData.undirectedLoops * 2;
    }
    if (this.type !== "undirected") {
      degree += nodeData.inDegree;
      loops += nodeData.directedLoops;
    }
    return degree - loops;
  }
  /**
   * Method returning the given node's outbound degree without considering self loops.
   *
   * @param  {any}     node - The node's key.
   * @return {number}       - The node's outbound degree.
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  outboundDegreeWithoutSelfLoops(node3) {
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.outboundDegreeWithoutSelfLoops: could not find the "${node3}" node in the graph.`
      );
    let degree = 0;
    let loops = 0;
    if (this.type !== "directed") {
      degree += nodeData.undirectedDegree;
      loops += nodeData.undirectedLoops * 2;
    }
    if (this.type !== "undirected") {
      degree += nodeData.outDegree;
      loops += nodeData.directedLoops;
    }
    return degree - loops;
  }
  /**
   * Method returning the given node's directed degree without considering self loops.
   *
   * @param  {any}     node - The node's key.
   * @return {number}       - The node's degree.
   *
   * @throws {Error} - Will throw if the node isn't in the graph.
   */
  degreeWithoutSelfLoops(node3) {
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.degreeWithoutSelfLoops: could not find the "${node3}" node in the graph.`
      );
    let degree = 0;
    let loops = 0;
    if (this.type !== "directed") {
      degree += nodeData.undirectedDegree;
      loops += nodeData.undirectedLoops * 2;
    }
    if (this.type !== "undirected") {
      degree += nodeData.inDegree + nodeData.outDegree;
      loops += nodeData.directedLoops * 2;
    }
    return degree - loops;
  }
  /**
   * Method returning the given edge's source.
   *
   * @param  {any} edge - The edge's key.
   * @return {any}      - The edge's source.
   *
   * @throws {Error} - Will throw if the edge isn't in the graph.
   */
  source(edge) {
    edge = "" + edge;
    const data = this._edges.get(edge);
    if (!data)
      throw new NotFoundGraphError(
        `Graph.source: could not find the "${edge}" edge in the graph.`
      );
    return data.source.key;
  }
  /**
   * Method returning the given edge's target.
   *
   * @param  {any} edge - The edge's key.
   * @return {any}      - The edge's target.
   *
   * @throws {Error} - Will throw if the edge isn't in the graph.
   */
  target(edge) {
    edge = "" + edge;
    const data = this._edges.get(edge);
    if (!data)
      throw new NotFoundGraphError(
        `Graph.target: could not find the "${edge}" edge in the graph.`
      );
    return data.target.key;
  }
  /**
   * Method returning the given edge's extremities.
   *
   * @param  {any}   edge - The edge's key.
   * @return {array}      - The edge's extremities.
   *
   * @throws {Error} - Will throw if the edge isn't in the graph.
   */
  extremities(edge) {
    edge = "" + edge;
    const edgeData = this._edges.get(edge);
    if (!edgeData)
      throw new NotFoundGraphError(
        `Graph.extremities: could not find the "${edge}" edge in the graph.`
      );
    return [edgeData.source.key, edgeData.target.key];
  }
  /**
   * Given a node & an edge, returns the other extremity of the edge.
   *
   * @param  {any}   node - The node's key.
   * @param  {any}   edge - The edge's key.
   * @return {any}        - The related node.
   *
   * @throws {Error} - Will throw if the edge isn't in the graph or if the
   *                   edge & node are not related.
   */
  opposite(node3, edge) {
    node3 = "" + node3;
    edge = "" + edge;
    const data = this._edges.get(edge);
    if (!data)
      throw new NotFoundGraphError(
        `Graph.opposite: could not find the "${edge}" edge in the graph.`
      );
    const source = data.source.key;
    const target = data.target.key;
    if (node3 === source) return target;
    if (node3 === target) return source;
    throw new NotFoundGraphError(
      `Graph.opposite: the "${node3}" node is not attached to the "${edge}" edge (${source}, ${target}).`
    );
  }
  /**
   * Returns whether the given edge has the given node as extremity.
   *
   * @param  {any}     edge - The edge's key.
   * @param  {any}     node - The node's key.
   * @return {boolean}      - The related node.
   *
   * @throws {Error} - Will throw if either the node or the edge isn't in the graph.
   */
  hasExtremity(edge, node3) {
    edge = "" + edge;
    node3 = "" + node3;
    const data = this._edges.get(edge);
    if (!data)
      throw new NotFoundGraphError(
        `Graph.hasExtremity: could not find the "${edge}" edge in the graph.`
      );
    return data.source.key === node3 || data.target.key === node3;
  }
  /**
   * Method returning whether the given edge is undirected.
   *
   * @param  {any}     edge - The edge's key.
   * @return {boolean}
   *
   * @throws {Error} - Will throw if the edge isn't in the graph.
   */
  isUndirected(edge) {
    edge = "" + edge;
    const data = this._edges.get(edge);
    if (!data)
      throw new NotFoundGraphError(
        `Graph.isUndirected: could not find the "${edge}" edge in the graph.`
      );
    return data.undirected;
  }
  /**
   * Method returning whether the given edge is directed.
   *
   * @param  {any}     edge - The edge's key.
   * @return {boolean}
   *
   * @throws {Error} - Will throw if the edge isn't in the graph.
   */
  isDirected(edge) {
    edge = "" + edge;
    const data = this._edges.get(edge);
    if (!data)
      throw new NotFoundGraphError(
        `Graph.isDirected: could not find the "${edge}" edge in the graph.`
      );
    return !data.undirected;
  }
  /**
   * Method returning whether the given edge is a self loop.
   *
   * @param  {any}     edge - The edge's key.
   * @return {boolean}
   *
   * @throws {Error} - Will throw if the edge isn't in the graph.
   */
  isSelfLoop(edge) {
    edge = "" + edge;
    const data = this._edges.get(edge);
    if (!data)
      throw new NotFoundGraphError(
        `Graph.isSelfLoop: could not find the "${edge}" edge in the graph.`
      );
    return data.source === data.target;
  }
  /**---------------------------------------------------------------------------
   * Mutation
   **---------------------------------------------------------------------------
   */
  /**
   * Method used to add a node to the graph.
   *
   * @param  {any}    node         - The node.
   * @param  {object} [attributes] - Optional attributes.
   * @return {any}                 - The node.
   *
   * @throws {Error} - Will throw if the given node already exist.
   * @throws {Error} - Will throw if the given attributes are not an object.
   */
  addNode(node3, attributes) {
    const nodeData = addNode(this, node3, attributes);
    return nodeData.key;
  }
  /**
   * Method used to merge a node into the graph.
   *
   * @param  {any}    node         - The node.
   * @param  {object} [attributes] - Optional attributes.
   * @return {any}                 - The node.
   */
  mergeNode(node3, attributes) {
    if (attributes && !isPlainObject3(attributes))
      throw new InvalidArgumentsGraphError(
        `Graph.mergeNode: invalid attributes. Expecting an object but got "${attributes}"`
      );
    node3 = "" + node3;
    attributes = attributes || {};
    let data = this._nodes.get(node3);
    if (data) {
      if (attributes) {
        assign(data.attributes, attributes);
        this.emit("nodeAttributesUpdated", {
          type: "merge",
          key: node3,
          attributes: data.attributes,
          data: attributes
        });
      }
      return [node3, false];
    }
    data = new this.NodeDataClass(node3, attributes);
    this._nodes.set(node3, data);
    this.emit("nodeAdded", {
      key: node3,
      attributes
    });
    return [node3, true];
  }
  /**
   * Method used to add a node if it does not exist in the graph or else to
   * update its attributes using a function.
   *
   * @param  {any}      node      - The node.
   * @param  {function} [updater] - Optional updater function.
   * @return {any}                - The node.
   */
  updateNode(node3, updater) {
    if (updater && typeof updater !== "function")
      throw new InvalidArgumentsGraphError(
        `Graph.updateNode: invalid updater function. Expecting a function but got "${updater}"`
      );
    node3 = "" + node3;
    let data = this._nodes.get(node3);
    if (data) {
      if (updater) {
        const oldAttributes = data.attributes;
        data.attributes = updater(oldAttributes);
        this.emit("nodeAttributesUpdated", {
          type: "replace",
          key: node3,
          attributes: data.attributes
        });
      }
      return [node3, false];
    }
    const attributes = updater ? updater({}) : {};
    data = new this.NodeDataClass(node3, attributes);
    this._nodes.set(node3, data);
    this.emit("nodeAdded", {
      key: node3,
      attributes
    });
    return [node3, true];
  }
  /**
   * Method used to drop a single node & all its attached edges from the graph.
   *
   * @param  {any}    node - The node.
   * @return {Graph}
   *
   * @throws {Error} - Will throw if the node doesn't exist.
   */
  dropNode(node3) {
    node3 = "" + node3;
    const nodeData = this._nodes.get(node3);
    if (!nodeData)
      throw new NotFoundGraphError(
        `Graph.dropNode: could not find the "${node3}" node in the graph.`
      );
    let edgeData;
    if (this.type !== "undirected") {
      for (const neighbor in nodeData.out) {
        edgeData = nodeData.out[neighbor];
        do {
          dropEdgeFromData(this, edgeData);
          edgeData = edgeData.next;
        } while (edgeData);
      }
      for (const neighbor in nodeData.in) {
        edgeData = nodeData.in[neighbor];
        do {
          dropEdgeFromData(this, edgeData);
          edgeData = edgeData.next;
        } while (edgeData);
      }
    }
    if (this.type !== "directed") {
      for (const neighbor in nodeData.undirected) {
        edgeData = nodeData.undirected[neighbor];
        do {
          dropEdgeFromData(this, edgeData);
          edgeData = edgeData.next;
        } while (edgeData);
      }
    }
    this._nodes.delete(node3);
    this.emit("nodeDropped", {
      key: node3,
      attributes: nodeData.attributes
    });
  }
  /**
   * Method used to drop a single edge from the graph.
   *
   * Arity 1:
   * @param  {any}    edge - The edge.
   *
   * Arity 2:
   * @param  {any}    source - Source node.
   * @param  {any}    target - Target node.
   *
   * @return {Graph}
   *
   * @throws {Error} - Will throw if the edge doesn't exist.
   */
  dropEdge(edge) {
    let edgeData;
    if (arguments.length > 1) {
      const source = "" + arguments[0];
      const target = "" + arguments[1];
      edgeData = getMatchingEdge(this, source, target, this.type);
      if (!edgeData)
        throw new NotFoundGraphError(
          `Graph.dropEdge: could not find the "${source}" -> "${target}" edge in the graph.`
        );
    } else {
      edge = "" + edge;
      edgeData = this._edges.get(edge);
      if (!edgeData)
        throw new NotFoundGraphError(
          `Graph.dropEdge: could not find the "${edge}" edge in the graph.`
        );
    }
    dropEdgeFromData(this, edgeData);
    return this;
  }
  /**
   * Method used to drop a single directed edge from the graph.
   *
   * @param  {any}    source - Source node.
   * @param  {any}    target - Target node.
   *
   * @return {Graph}
   *
   * @throws {Error} - Will throw if the edge doesn't exist.
   */
  dropDirectedEdge(source, target) {
    if (arguments.length < 2)
      throw new UsageGraphError(
        "Graph.dropDirectedEdge: it does not make sense to try and drop a directed edge by key. What if the edge with this key is undirected? Use #.dropEdge for this purpose instead."
      );
    if (this.multi)
      throw new UsageGraphError(
        "Graph.dropDirectedEdge: cannot use a {source,target} combo when dropping an edge in a MultiGraph since we cannot infer the one you want to delete as there could be multiple ones."
      );
    source = "" + source;
    target = "" + target;
    const edgeData = getMatchingEdge(this, source, target, "directed");
    if (!edgeData)
      throw new NotFoundGraphError(
        `Graph.dropDirectedEdge: could not find a "${source}" -> "${target}" edge in the graph.`
      );
    dropEdgeFromData(this, edgeData);
    return this;
  }
  /**
   * Method used to drop a single undirected edge from the graph.
   *
   * @param  {any}    source - Source node.
   * @param  {any}    target - Target node.
   *
   * @return {Graph}
   *
   * @throws {Error} - Will throw if the edge doesn't exist.
   */
  dropUndirectedEdge(source, target) {
    if (arguments.length < 2)
      throw new UsageGraphError(
        "Graph.dropUndirectedEdge: it does not make sense to drop a directed edge by key. What if the edge with this key is undirected? Use #.dropEdge for this purpose instead."
      );
    if (this.multi)
      throw new UsageGraphError(
        "Graph.dropUndirectedEdge: cannot use a {source,target} combo when dropping an edge in a MultiGraph since we cannot infer the one you want to delete as there could be multiple ones."
      );
    const edgeData = getMatchingEdge(this, source, target, "undirected");
    if (!edgeData)
      throw new NotFoundGraphError(
        `Graph.dropUndirectedEdge: could not find a "${source}" -> "${target}" edge in the graph.`
      );
    dropEdgeFromData(this, edgeData);
    return this;
  }
  /**
   * Method used to remove every edge & every node from the graph.
   *
   * @return {Graph}
   */
  clear() {
    this._edges.clear();
    this._nodes.clear();
    this._resetInstanceCounters();
    this.emit("cleared");
  }
  /**
   * Method used to remove every edge from the graph.
   *
   * @return {Graph}
   */
  clearEdges() {
    const iterator2 = this._nodes.values();
    let step;
    while (step = iterator2.next(), step.done !== true) {
      step.value.clear();
    }
    this._edges.clear();
    this._resetInstanceCounters();
    this.emit("edgesCleared");
  }
  /**---------------------------------------------------------------------------
   * Attributes-related methods
   **---------------------------------------------------------------------------
   */
  /**
   * Method returning the desired graph's attribute.
   *
   * @param  {string} name - Name of the attribute.
   * @return {any}
   */
  getAttribute(name) {
    return this._attributes[name];
  }
  /**
   * Method returning the graph's attributes.
   *
   * @return {object}
   */
  getAttributes() {
    return this._attributes;
  }
  /**
   * Method returning whether the graph has the desired attribute.
   *
   * @param  {string}  name - Name of the attribute.
   * @return {boolean}
   */
  hasAttribute(name) {
    return this._attributes.hasOwnProperty(name);
  }
  /**
   * Method setting a value for the desired graph's attribute.
   *
   * @param  {string}  name  - Name of the attribute.
   * @param  {any}     value - Value for the attribute.
   * @return {Graph}
   */
  setAttribute(name, value) {
    this._attributes[name] = value;
    this.emit("attributesUpdated", {
      type: "set",
      attributes: this._attributes,
      name
    });
    return this;
  }
  /**
   * Method using a function to update the desired graph's attribute's value.
   *
   * @param  {string}   name    - Name of the attribute.
   * @param  {function} updater - Function use to update the attribute's value.
   * @return {Graph}
   */
  updateAttribute(name, updater) {
    if (typeof updater !== "function")
      throw new InvalidArgumentsGraphError(
        "Graph.updateAttribute: updater should be a function."
      );
    const value = this._attributes[name];
    this._attributes[name] = updater(value);
    this.emit("attributesUpdated", {
      type: "set",
      attributes: this._attributes,
      name
    });
    return this;
  }
  /**
   * Method removing the desired graph's attribute.
   *
   * @param  {string} name  - Name of the attribute.
   * @return {Graph}
   */
  removeAttribute(name) {
    delete this._attributes[name];
    this.emit("attributesUpdated", {
      type: "remove",
      attributes: this._attributes,
      name
    });
    return this;
  }
  /**
   * Method replacing the graph's attributes.
   *
   * @param  {object} attributes - New attributes.
   * @return {Graph}
   *
   * @throws {Error} - Will throw if given attributes are not a plain object.
   */
  replaceAttributes(attributes) {
    if (!isPlainObject3(attributes))
      throw new InvalidArgumentsGraphError(
        "Graph.replaceAttributes: provided attributes are not a plain object."
      );
    this._attributes = attributes;
    this.emit("attributesUpdated", {
      type: "replace",
      attributes: this._attributes
    });
    return this;
  }
  /**
   * Method merging the graph's attributes.
   *
   * @param  {object} attributes - Attributes to merge.
   * @return {Graph}
   *
   * @throws {Error} - Will throw if given attributes are not a plain object.
   */
  mergeAttributes(attributes) {
    if (!isPlainObject3(attributes))
      throw new InvalidArgumentsGraphError(
        "Graph.mergeAttributes: provided attributes are not a plain object."
      );
    assign(this._attributes, attributes);
    this.emit("attributesUpdated", {
      type: "merge",
      attributes: this._attributes,
      data: attributes
    });
    return this;
  }
  /**
   * Method updating the graph's attributes.
   *
   * @param  {function} updater - Function used to update the attributes.
   * @return {Graph}
   *
   * @throws {Error} - Will throw if given updater is not a function.
   */
  updateAttributes(updater) {
    if (typeof updater !== "function")
      throw new InvalidArgumentsGraphError(
        "Graph.updateAttributes: provided updater is not a function."
      );
    this._attributes = updater(this._attributes);
    this.emit("attributesUpdated", {
      type: "update",
      attributes: this._attributes
    });
    return this;
  }
  /**
   * Method used to update each node's attributes using the given function.
   *
   * @param {function}  updater - Updater function to use.
   * @param {object}    [hints] - Optional hints.
   */
  updateEachNodeAttributes(updater, hints) {
    if (typeof updater !== "function")
      throw new InvalidArgumentsGraphError(
        "Graph.updateEachNodeAttributes: expecting an updater function."
      );
    if (hints && !validateHints(hints))
      throw new InvalidArgumentsGraphError(
        "Graph.updateEachNodeAttributes: invalid hints. Expecting an object having the following shape: {attributes?: [string]}"
      );
    const iterator2 = this._nodes.values();
    let step, nodeData;
    while (step = iterator2.next(), step.done !== true) {
      nodeData = step.value;
      nodeData.attributes = updater(nodeData.key, nodeData.attributes);
    }
    this.emit("eachNodeAttributesUpdated", {
      hints: hints ? hints : null
    });
  }
  /**
   * Method used to update each edge's attributes using the given function.
   *
   * @param {function}  updater - Updater function to use.
   * @param {object}    [hints] - Optional hints.
   */
  updateEachEdgeAttributes(updater, hints) {
    if (typeof updater !== "function")
      throw new InvalidArgumentsGraphError(
        "Graph.updateEachEdgeAttributes: expecting an updater function."
      );
    if (hints && !validateHints(hints))
      throw new InvalidArgumentsGraphError(
        "Graph.updateEachEdgeAttributes: invalid hints. Expecting an object having the following shape: {attributes?: [string]}"
      );
    const iterator2 = this._edges.values();
    let step, edgeData, sourceData, targetData;
    while (step = iterator2.next(), step.done !== true) {
      edgeData = step.value;
      sourceData = edgeData.source;
      targetData = edgeData.target;
      edgeData.attributes = updater(
        edgeData.key,
        edgeData.attributes,
        sourceData.key,
        targetData.key,
        sourceData.attributes,
        targetData.attributes,
        edgeData.undirected
      );
    }
    this.emit("eachEdgeAttributesUpdated", {
      hints: hints ? hints : null
    });
  }
  /**---------------------------------------------------------------------------
   * Iteration-related methods
   **---------------------------------------------------------------------------
   */
  /**
   * Method iterating over the graph's adjacency using the given callback.
   *
   * @param  {function}  callback - Callback to use.
   */
  forEachAdjacencyEntry(callback) {
    if (typeof callback !== "function")
      throw new InvalidArgumentsGraphError(
        "Graph.forEachAdjacencyEntry: expecting a callback."
      );
    forEachAdjacency(false, false, false, this, callback);
  }
  forEachAdjacencyEntryWithOrphans(callback) {
    if (typeof callback !== "function")
      throw new InvalidArgumentsGraphError(
        "Graph.forEachAdjacencyEntryWithOrphans: expecting a callback."
      );
    forEachAdjacency(false, false, true, this, callback);
  }
  /**
   * Method iterating over the graph's assymetric adjacency using the given callback.
   *
   * @param  {function}  callback - Callback to use.
   */
  forEachAssymetricAdjacencyEntry(callback) {
    if (typeof callback !== "function")
      throw new InvalidArgumentsGraphError(
        "Graph.forEachAssymetricAdjacencyEntry: expecting a callback."
      );
    forEachAdjacency(false, true, false, this, callback);
  }
  forEachAssymetricAdjacencyEntryWithOrphans(callback) {
    if (typeof callback !== "function")
      throw new InvalidArgumentsGraphError(
        "Graph.forEachAssymetricAdjacencyEntryWithOrphans: expecting a callback."
      );
    forEachAdjacency(false, true, true, this, callback);
  }
  /**
   * Method returning the list of the graph's nodes.
   *
   * @return {array} - The nodes.
   */
  nodes() {
    return Array.from(this._nodes.keys());
  }
  /**
   * Method iterating over the graph's nodes using the given callback.
   *
   * @param  {function}  callback - Callback (key, attributes, index).
   */
  forEachNode(callback) {
    if (typeof callback !== "function")
      throw new InvalidArgumentsGraphError(
        "Graph.forEachNode: expecting a callback."
      );
    const iterator2 = this._nodes.values();
    let step, nodeData;
    while (step = iterator2.next(), step.done !== true) {
      nodeData = step.value;
      callback(nodeData.key, nodeData.attributes);
    }
  }
  /**
   * Method iterating attempting to find a node matching the given predicate
   * function.
   *
   * @param  {function}  callback - Callback (key, attributes).
   */
  findNode(callback) {
    if (typeof callback !== "function")
      throw new InvalidArgumentsGraphError(
        "Graph.findNode: expecting a callback."
      );
    const iterator2 = this._nodes.values();
    let step, nodeData;
    while (step = iterator2.next(), step.done !== true) {
      nodeData = step.value;
      if (callback(nodeData.key, nodeData.attributes)) return nodeData.key;
    }
    return;
  }
  /**
   * Method mapping nodes.
   *
   * @param  {function}  callback - Callback (key, attributes).
   */
  mapNodes(callback) {
    if (typeof callback !== "function")
      throw new InvalidArgumentsGraphError(
        "Graph.mapNode: expecting a callback."
      );
    const iterator2 = this._nodes.values();
    let step, nodeData;
    const result = new Array(this.order);
    let i = 0;
    while (step = iterator2.next(), step.done !== true) {
      nodeData = step.value;
      result[i++] = callback(nodeData.key, nodeData.attributes);
    }
    return result;
  }
  /**
   * Method returning whether some node verify the given predicate.
   *
   * @param  {function}  callback - Callback (key, attributes).
   */
  someNode(callback) {
    if (typeof callback !== "function")
      throw new InvalidArgumentsGraphError(
        "Graph.someNode: expecting a callback."
      );
    const iterator2 = this._nodes.values();
    let step, nodeData;
    while (step = iterator2.next(), step.done !== true) {
      nodeData = step.value;
      if (callback(nodeData.key, nodeData.attributes)) return true;
    }
    return false;
  }
  /**
   * Method returning whether all node verify the given predicate.
   *
   * @param  {function}  callback - Callback (key, attributes).
   */
  everyNode(callback) {
    if (typeof callback !== "function")
      throw new InvalidArgumentsGraphError(
        "Graph.everyNode: expecting a callback."
      );
    const iterator2 = this._nodes.values();
    let step, nodeData;
    while (step = iterator2.next(), step.done !== true) {
      nodeData = step.value;
      if (!callback(nodeData.key, nodeData.attributes)) return false;
    }
    return true;
  }
  /**
   * Method filtering nodes.
   *
   * @param  {function}  callback - Callback (key, attributes).
   */
  filterNodes(callback) {
    if (typeof callback !== "function")
      throw new InvalidArgumentsGraphError(
        "Graph.filterNodes: expecting a callback."
      );
    const iterator2 = this._nodes.values();
    let step, nodeData;
    const result = [];
    while (step = iterator2.next(), step.done !== true) {
      nodeData = step.value;
      if (callback(nodeData.key, nodeData.attributes))
        result.push(nodeData.key);
    }
    return result;
  }
  /**
   * Method reducing nodes.
   *
   * @param  {function}  callback - Callback (accumulator, key, attributes).
   */
  reduceNodes(callback, initialValue) {
    if (typeof callback !== "function")
      throw new InvalidArgumentsGraphError(
        "Graph.reduceNodes: expecting a callback."
      );
    if (arguments.length < 2)
      throw new InvalidArgumentsGraphError(
        "Graph.reduceNodes: missing initial value. You must provide it because the callback takes more than one argument and we cannot infer the initial value from the first iteration, as you could with a simple array."
      );
    let accumulator = initialValue;
    const iterator2 = this._nodes.values();
    let step, nodeData;
    while (step = iterator2.next(), step.done !== true) {
      nodeData = step.value;
      accumulator = callback(accumulator, nodeData.key, nodeData.attributes);
    }
    return accumulator;
  }
  /**
   * Method returning an iterator over the graph's node entries.
   *
   * @return {Iterator}
   */
  nodeEntries() {
    const iterator2 = this._nodes.values();
    return {
      [Symbol.iterator]() {
        return this;
      },
      next() {
        const step = iterator2.next();
        if (step.done) return step;
        const data = step.value;
        return {
          value: { node: data.key, attributes: data.attributes },
          done: false
        };
      }
    };
  }
  /**---------------------------------------------------------------------------
   * Serialization
   **---------------------------------------------------------------------------
   */
  /**
   * Method used to export the whole graph.
   *
   * @return {object} - The serialized graph.
   */
  export() {
    const nodes = new Array(this._nodes.size);
    let i = 0;
    this._nodes.forEach((data, key) => {
      nodes[i++] = serializeNode(key, data);
    });
    const edges = new Array(this._edges.size);
    i = 0;
    this._edges.forEach((data, key) => {
      edges[i++] = serializeEdge(this.type, key, data);
    });
    return {
      options: {
        type: this.type,
        multi: this.multi,
        allowSelfLoops: this.allowSelfLoops
      },
      attributes: this.getAttributes(),
      nodes,
      edges
    };
  }
  /**
   * Method used to import a serialized graph.
   *
   * @param  {object|Graph} data  - The serialized graph.
   * @param  {boolean}      merge - Whether to merge data.
   * @return {Graph}              - Returns itself for chaining.
   */
  import(data, merge2 = false) {
    if (data instanceof _Graph) {
      data.forEachNode((n, a) => {
        if (merge2) this.mergeNode(n, a);
        else this.addNode(n, a);
      });
      data.forEachEdge((e, a, s, t, _sa, _ta, u) => {
        if (merge2) {
          if (u) this.mergeUndirectedEdgeWithKey(e, s, t, a);
          else this.mergeDirectedEdgeWithKey(e, s, t, a);
        } else {
          if (u) this.addUndirectedEdgeWithKey(e, s, t, a);
          else this.addDirectedEdgeWithKey(e, s, t, a);
        }
      });
      return this;
    }
    if (!isPlainObject3(data))
      throw new InvalidArgumentsGraphError(
        "Graph.import: invalid argument. Expecting a serialized graph or, alternatively, a Graph instance."
      );
    if (data.attributes) {
      if (!isPlainObject3(data.attributes))
        throw new InvalidArgumentsGraphError(
          "Graph.import: invalid attributes. Expecting a plain object."
        );
      if (merge2) this.mergeAttributes(data.attributes);
      else this.replaceAttributes(data.attributes);
    }
    let i, l, list3, node3, edge;
    if (data.nodes) {
      list3 = data.nodes;
      if (!Array.isArray(list3))
        throw new InvalidArgumentsGraphError(
          "Graph.import: invalid nodes. Expecting an array."
        );
      for (i = 0, l = list3.length; i < l; i++) {
        node3 = list3[i];
        validateSerializedNode(node3);
        const { key, attributes } = node3;
        if (merge2) this.mergeNode(key, attributes);
        else this.addNode(key, attributes);
      }
    }
    if (data.edges) {
      let undirectedByDefault = false;
      if (this.type === "undirected") {
        undirectedByDefault = true;
      }
      list3 = data.edges;
      if (!Array.isArray(list3))
        throw new InvalidArgumentsGraphError(
          "Graph.import: invalid edges. Expecting an array."
        );
      for (i = 0, l = list3.length; i < l; i++) {
        edge = list3[i];
        validateSerializedEdge(edge);
        const {
          source,
          target,
          attributes,
          undirected = undirectedByDefault
        } = edge;
        let method;
        if ("key" in edge) {
          method = merge2 ? undirected ? this.mergeUndirectedEdgeWithKey : this.mergeDirectedEdgeWithKey : undirected ? this.addUndirectedEdgeWithKey : this.addDirectedEdgeWithKey;
          method.call(this, edge.key, source, target, attributes);
        } else {
          method = merge2 ? undirected ? this.mergeUndirectedEdge : this.mergeDirectedEdge : undirected ? this.addUndirectedEdge : this.addDirectedEdge;
          method.call(this, source, target, attributes);
        }
      }
    }
    return this;
  }
  /**---------------------------------------------------------------------------
   * Utils
   **---------------------------------------------------------------------------
   */
  /**
   * Method returning a null copy of the graph, i.e. a graph without nodes
   * & edges but with the exact same options.
   *
   * @param  {object} options - Options to merge with the current ones.
   * @return {Graph}          - The null copy.
   */
  nullCopy(options) {
    const graph = new _Graph(assign({}, this._options, options));
    graph.replaceAttributes(assign({}, this.getAttributes()));
    return graph;
  }
  /**
   * Method returning an empty copy of the graph, i.e. a graph without edges but
   * with the exact same options.
   *
   * @param  {object} options - Options to merge with the current ones.
   * @return {Graph}          - The empty copy.
   */
  emptyCopy(options) {
    const graph = this.nullCopy(options);
    this._nodes.forEach((nodeData, key) => {
      const attributes = assign({}, nodeData.attributes);
      nodeData = new graph.NodeDataClass(key, attributes);
      graph._nodes.set(key, nodeData);
    });
    return graph;
  }
  /**
   * Method returning an exact copy of the graph.
   *
   * @param  {object} options - Upgrade options.
   * @return {Graph}          - The copy.
   */
  copy(options) {
    options = options || {};
    if (typeof options.type === "string" && options.type !== this.type && options.type !== "mixed")
      throw new UsageGraphError(
        `Graph.copy: cannot create an incompatible copy from "${this.type}" type to "${options.type}" because this would mean losing information about the current graph.`
      );
    if (typeof options.multi === "boolean" && options.multi !== this.multi && options.multi !== true)
      throw new UsageGraphError(
        "Graph.copy: cannot create an incompatible copy by downgrading a multi graph to a simple one because this would mean losing information about the current graph."
      );
    if (typeof options.allowSelfLoops === "boolean" && options.allowSelfLoops !== this.allowSelfLoops && options.allowSelfLoops !== true)
      throw new UsageGraphError(
        "Graph.copy: cannot create an incompatible copy from a graph allowing self loops to one that does not because this would mean losing information about the current graph."
      );
    const graph = this.emptyCopy(options);
    const iterator2 = this._edges.values();
    let step, edgeData;
    while (step = iterator2.next(), step.done !== true) {
      edgeData = step.value;
      addEdge(
        graph,
        "copy",
        false,
        edgeData.undirected,
        edgeData.key,
        edgeData.source.key,
        edgeData.target.key,
        assign({}, edgeData.attributes)
      );
    }
    return graph;
  }
  /**---------------------------------------------------------------------------
   * Known methods
   **---------------------------------------------------------------------------
   */
  /**
   * Method used by JavaScript to perform JSON serialization.
   *
   * @return {object} - The serialized graph.
   */
  toJSON() {
    return this.export();
  }
  /**
   * Method returning [object Graph].
   */
  toString() {
    return "[object Graph]";
  }
  /**
   * Method used internally by node's console to display a custom object.
   *
   * @return {object} - Formatted object representation of the graph.
   */
  inspect() {
    const nodes = {};
    this._nodes.forEach((data, key) => {
      nodes[key] = data.attributes;
    });
    const edges = {}, multiIndex = {};
    this._edges.forEach((data, key) => {
      const direction = data.undirected ? "--" : "->";
      let label = "";
      let source = data.source.key;
      let target = data.target.key;
      let tmp;
      if (data.undirected && source > target) {
        tmp = source;
        source = target;
        target = tmp;
      }
      const desc = `(${source})${direction}(${target})`;
      if (!key.startsWith("geid_")) {
        label += `[${key}]: `;
      } else if (this.multi) {
        if (typeof multiIndex[desc] === "undefined") {
          multiIndex[desc] = 0;
        } else {
          multiIndex[desc]++;
        }
        label += `${multiIndex[desc]}. `;
      }
      label += desc;
      edges[label] = data.attributes;
    });
    const dummy = {};
    for (const k in this) {
      if (this.hasOwnProperty(k) && !EMITTER_PROPS.has(k) && typeof this[k] !== "function" && typeof k !== "symbol")
        dummy[k] = this[k];
    }
    dummy.attributes = this._attributes;
    dummy.nodes = nodes;
    dummy.edges = edges;
    privateProperty(dummy, "constructor", this.constructor);
    return dummy;
  }
};
if (typeof Symbol !== "undefined")
  Graph.prototype[/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")] = Graph.prototype.inspect;
EDGE_ADD_METHODS.forEach((method) => {
  ["add", "merge", "update"].forEach((verb) => {
    const name = method.name(verb);
    const fn = verb === "add" ? addEdge : mergeEdge;
    if (method.generateKey) {
      Graph.prototype[name] = function(source, target, attributes) {
        return fn(
          this,
          name,
          true,
          (method.type || this.type) === "undirected",
          null,
          source,
          target,
          attributes,
          verb === "update"
        );
      };
    } else {
      Graph.prototype[name] = function(edge, source, target, attributes) {
        return fn(
          this,
          name,
          false,
          (method.type || this.type) === "undirected",
          edge,
          source,
          target,
          attributes,
          verb === "update"
        );
      };
    }
  });
});
attachNodeAttributesMethods(Graph);
attachEdgeAttributesMethods(Graph);
attachEdgeIterationMethods(Graph);
attachNeighborIterationMethods(Graph);
var DirectedGraph = class extends Graph {
  constructor(options) {
    const finalOptions = assign({ type: "directed" }, options);
    if ("multi" in finalOptions && finalOptions.multi !== false)
      throw new InvalidArgumentsGraphError(
        "DirectedGraph.from: inconsistent indication that the graph should be multi in given options!"
      );
    if (finalOptions.type !== "directed")
      throw new InvalidArgumentsGraphError(
        'DirectedGraph.from: inconsistent "' + finalOptions.type + '" type in given options!'
      );
    super(finalOptions);
  }
};
var UndirectedGraph = class extends Graph {
  constructor(options) {
    const finalOptions = assign({ type: "undirected" }, options);
    if ("multi" in finalOptions && finalOptions.multi !== false)
      throw new InvalidArgumentsGraphError(
        "UndirectedGraph.from: inconsistent indication that the graph should be multi in given options!"
      );
    if (finalOptions.type !== "undirected")
      throw new InvalidArgumentsGraphError(
        'UndirectedGraph.from: inconsistent "' + finalOptions.type + '" type in given options!'
      );
    super(finalOptions);
  }
};
var MultiGraph = class extends Graph {
  constructor(options) {
    const finalOptions = assign({ multi: true }, options);
    if ("multi" in finalOptions && finalOptions.multi !== true)
      throw new InvalidArgumentsGraphError(
        "MultiGraph.from: inconsistent indication that the graph should be simple in given options!"
      );
    super(finalOptions);
  }
};
var MultiDirectedGraph = class extends Graph {
  constructor(options) {
    const finalOptions = assign({ type: "directed", multi: true }, options);
    if ("multi" in finalOptions && finalOptions.multi !== true)
      throw new InvalidArgumentsGraphError(
        "MultiDirectedGraph.from: inconsistent indication that the graph should be simple in given options!"
      );
    if (finalOptions.type !== "directed")
      throw new InvalidArgumentsGraphError(
        'MultiDirectedGraph.from: inconsistent "' + finalOptions.type + '" type in given options!'
      );
    super(finalOptions);
  }
};
var MultiUndirectedGraph = class extends Graph {
  constructor(options) {
    const finalOptions = assign({ type: "undirected", multi: true }, options);
    if ("multi" in finalOptions && finalOptions.multi !== true)
      throw new InvalidArgumentsGraphError(
        "MultiUndirectedGraph.from: inconsistent indication that the graph should be simple in given options!"
      );
    if (finalOptions.type !== "undirected")
      throw new InvalidArgumentsGraphError(
        'MultiUndirectedGraph.from: inconsistent "' + finalOptions.type + '" type in given options!'
      );
    super(finalOptions);
  }
};
function attachStaticFromMethod(Class) {
  Class.from = function(data, options) {
    const finalOptions = assign({}, data.options, options);
    const instance = new Class(finalOptions);
    instance.import(data);
    return instance;
  };
}
attachStaticFromMethod(Graph);
attachStaticFromMethod(DirectedGraph);
attachStaticFromMethod(UndirectedGraph);
attachStaticFromMethod(MultiGraph);
attachStaticFromMethod(MultiDirectedGraph);
attachStaticFromMethod(MultiUndirectedGraph);
Graph.Graph = Graph;
Graph.DirectedGraph = DirectedGraph;
Graph.UndirectedGraph = UndirectedGraph;
Graph.MultiGraph = MultiGraph;
Graph.MultiDirectedGraph = MultiDirectedGraph;
Graph.MultiUndirectedGraph = MultiUndirectedGraph;
Graph.InvalidArgumentsGraphError = InvalidArgumentsGraphError;
Graph.NotFoundGraphError = NotFoundGraphError;
Graph.UsageGraphError = UsageGraphError;

// src/core/graph/build-graph.ts
function buildGraph(config) {
  const graph = new Graph.DirectedGraph({ allowSelfLoops: false });
  for (const [id, node3] of config.nodes) graph.addNode(id, node3);
  for (const node3 of config.nodes.values()) {
    for (const edge of node3.dependsOn) {
      if (edge.to === edge.from || !graph.hasNode(edge.to)) continue;
      if (graph.hasDirectedEdge(edge.to, edge.from)) continue;
      graph.addDirectedEdge(edge.to, edge.from, edge);
    }
  }
  return graph;
}

// src/core/config/did-you-mean.ts
function editDistance(a, b, limit = Number.POSITIVE_INFINITY) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost
      );
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
function closest(word, candidates2) {
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best;
  let bestDistance = limit + 1;
  const lower = word.toLowerCase();
  for (const candidate of candidates2) {
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : void 0;
}

// src/core/classify/kubernetes-address.ts
var KNOWN_KINDS = [
  "APIService",
  "Alertmanager",
  "AlertmanagerConfig",
  "ClusterRole",
  "ClusterRoleBinding",
  "ConfigMap",
  "CronJob",
  "CustomResourceDefinition",
  "DaemonSet",
  "Deployment",
  "Endpoints",
  "HorizontalPodAutoscaler",
  "Ingress",
  "IngressClass",
  "Job",
  "LimitRange",
  "MutatingWebhookConfiguration",
  "Namespace",
  "NetworkPolicy",
  "PersistentVolume",
  "PersistentVolumeClaim",
  "Pod",
  "PodDisruptionBudget",
  "PodMonitor",
  "PriorityClass",
  "Prometheus",
  "PrometheusRule",
  "ReplicaSet",
  "ResourceQuota",
  "Role",
  "RoleBinding",
  "Secret",
  "Service",
  "ServiceAccount",
  "ServiceMonitor",
  "StatefulSet",
  "StorageClass",
  "ThanosRuler",
  "ValidatingWebhookConfiguration"
];
var CLUSTER_SCOPED = /* @__PURE__ */ new Set([
  "APIService",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "IngressClass",
  "MutatingWebhookConfiguration",
  "Namespace",
  "PersistentVolume",
  "PriorityClass",
  "StorageClass",
  "ValidatingWebhookConfiguration"
]);
function objectAddress(o) {
  return `${o.kind}/${o.namespace ? `${o.namespace}/` : ""}${o.name}`;
}
function compileObjectPattern(pattern) {
  return compileWildcard(pattern, { starCrossesSlash: false, question: true });
}
var GLOB = /[*?]/;
function checkObjectPattern(pattern) {
  const segments = pattern.split("/");
  if (segments.length < 2 || segments.length > 3 || segments.some((s) => s === "" || /\s/.test(s))) {
    return {
      severity: "error",
      message: `"${pattern}" is not an object pattern: write Kind/namespace/name, or Kind/name for an object written without a namespace`,
      hint: "e.g. Role/monitoring/prometheus-k8s, ClusterRole/argocd-server, Deployment/monitoring/*"
    };
  }
  const kind = segments[0];
  if (GLOB.test(kind) || KNOWN_KINDS.includes(kind)) {
    if (segments.length === 3 && CLUSTER_SCOPED.has(kind)) {
      return {
        severity: "error",
        message: `"${pattern}" gives a namespace to ${kind}, which has none: it can match nothing`,
        hint: `write ${kind}/${segments[2]}`
      };
    }
    return void 0;
  }
  const exact = KNOWN_KINDS.find((k) => k.toLowerCase() === kind.toLowerCase());
  if (exact) {
    return {
      severity: "error",
      message: `unknown kind "${kind}" in "${pattern}" \u2014 did you mean "${exact}"?`,
      hint: `kinds are case-sensitive: write ${[exact, ...segments.slice(1)].join("/")}`
    };
  }
  const guess = closest(kind, KNOWN_KINDS);
  if (guess === void 0) return void 0;
  return {
    severity: "warning",
    message: `kind "${kind}" in "${pattern}" is not one blastradius knows \u2014 did you mean "${guess}"?`,
    hint: `write ${[guess, ...segments.slice(1)].join("/")}, or ignore this if ${kind} is a custom resource's kind`
  };
}

// src/core/locate/path-index.ts
var MAGIC = /[*?[{(\\]/;
function namesOneFile(glob2) {
  return !glob2.endsWith("/") && !MAGIC.test(glob2);
}
var LITERAL_SUFFIX = /^\*(\.[A-Za-z0-9_-]+)+$/;
var DOT_SEGMENT2 = /(^|\/)\.\.?(\/|$)/;
var SMALL_BUCKET = 16;
var PathIndex = class _PathIndex {
  #literals = /* @__PURE__ */ new Map();
  /** Buckets by their directory prefix, one level per segment: a path is walked once. */
  #buckets = {};
  #bucketCount = 0;
  /** The folders of the literal rules, built on first use. */
  #literalFolders;
  #size = 0;
  static fromNodes(nodes) {
    const index2 = new _PathIndex();
    for (const node3 of nodes) {
      for (const rule of node3.match.paths) index2.add(node3.id, rule);
    }
    return index2;
  }
  get size() {
    return this.#size;
  }
  add(node3, rule) {
    this.#size++;
    const glob2 = rule.glob.endsWith("/") ? `${rule.glob}**` : rule.glob;
    const magic = glob2.search(MAGIC);
    if (magic < 0) {
      const previous = this.#literals.get(glob2);
      const hit = { node: node3, rule };
      this.#literalFolders = void 0;
      if (previous === void 0) this.#literals.set(glob2, hit);
      else if (Array.isArray(previous)) previous.push(hit);
      else this.#literals.set(glob2, [previous, hit]);
      return;
    }
    const slash = glob2.lastIndexOf("/", magic);
    const base = slash < 0 ? "" : glob2.slice(0, slash);
    const rest = glob2.slice(slash + 1);
    const last = rest.slice(rest.lastIndexOf("/") + 1);
    const suffix = LITERAL_SUFFIX.test(last) ? last.slice(1) : void 0;
    const shape = rest === "**" ? 1 /* EverythingBelow */ : suffix !== void 0 && rest === `**/${last}` ? 2 /* ExtensionBelow */ : suffix !== void 0 && rest === last ? 3 /* ExtensionIn */ : 0 /* Other */;
    const extension = suffix?.slice(suffix.lastIndexOf("."));
    const entry = { node: node3, rule, glob: glob2, shape, base, suffix, extension };
    let tree = this.#buckets;
    if (base !== "") {
      for (const segment of base.split("/")) {
        tree.children ??= /* @__PURE__ */ new Map();
        let child = tree.children.get(segment);
        if (!child) {
          child = {};
          tree.children.set(segment, child);
        }
        tree = child;
      }
    }
    if (tree.bucket) {
      tree.bucket.entries.push(entry);
      tree.bucket.byExtension = void 0;
    } else {
      tree.bucket = { entries: [entry] };
      this.#bucketCount++;
    }
  }
  /**
   * Whether a rule might match a file directly in `folder` that `match` cannot be asked about
   * without listing the folder: a literal path there, or a glob of an unusual shape along
   * the way (the usual shapes match a folder's files by their extension, asked directly).
   * Cheap: a false answer saves listing the folder.
   */
  mayMatchIn(folder) {
    this.#literalFolders ??= new Set(
      [...this.#literals.keys()].map(
        (p) => p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "."
      )
    );
    if (this.#literalFolders.has(folder)) return true;
    let tree = this.#buckets;
    const segments = folder === "." ? [] : folder.split("/");
    for (let i = 0; tree; i++) {
      if (tree.bucket?.entries.some((e) => e.shape === 0 /* Other */)) return true;
      const segment = segments[i];
      if (segment === void 0) return false;
      tree = tree.children?.get(segment);
    }
    return false;
  }
  /** Every rule that matches `path`, for a change in repository `repo` (owner/name) if known. */
  match(path, repo) {
    const wanted = repo?.toLowerCase();
    const hits = [];
    const literal2 = this.#literals.get(path);
    if (literal2 !== void 0) {
      if (Array.isArray(literal2)) {
        for (const hit of literal2) if (ruleApplies(hit.rule, wanted)) hits.push(hit);
      } else if (ruleApplies(literal2.rule, wanted)) hits.push(literal2);
    }
    if (this.#bucketCount === 0) return hits;
    const extension = extensionOf(path);
    const plain = !DOT_SEGMENT2.test(path);
    let tree = this.#buckets;
    let start = 0;
    while (tree) {
      const bucket = tree.bucket;
      if (bucket) {
        for (const list3 of candidates(bucket, extension)) {
          for (const entry of list3) {
            if (ruleApplies(entry.rule, wanted) && matches(entry, path, plain)) hits.push(entry);
          }
        }
      }
      if (start > path.length || !tree.children) break;
      let end = path.indexOf("/", start);
      if (end < 0) end = path.length;
      tree = tree.children.get(path.slice(start, end));
      start = end + 1;
    }
    return hits;
  }
};
function ruleApplies(rule, repo) {
  if (rule.repo === void 0) return true;
  return repo === void 0 ? rule.inferred !== true : rule.repo === repo;
}
var NONE = [];
function candidates(bucket, extension) {
  if (bucket.entries.length <= SMALL_BUCKET) return [bucket.entries, NONE];
  if (!bucket.byExtension) {
    const byExtension = /* @__PURE__ */ new Map();
    for (const entry of bucket.entries) {
      const list3 = byExtension.get(entry.extension);
      if (list3) list3.push(entry);
      else byExtension.set(entry.extension, [entry]);
    }
    bucket.byExtension = byExtension;
  }
  const any = bucket.byExtension.get(void 0) ?? NONE;
  const specific = extension === void 0 ? void 0 : bucket.byExtension.get(extension);
  return [specific ?? NONE, any];
}
function matches(entry, path, plain) {
  if (entry.shape !== 0 /* Other */ && plain) {
    const base = entry.base;
    const inside = base === "" ? path : path.startsWith(base) && path[base.length] === "/" ? path.slice(base.length + 1) : void 0;
    switch (entry.shape) {
      case 1 /* EverythingBelow */:
        return path === base || inside !== void 0;
      case 2 /* ExtensionBelow */:
        return inside?.endsWith(entry.suffix) === true;
      case 3 /* ExtensionIn */:
        return inside?.endsWith(entry.suffix) === true && !inside.includes("/");
    }
  }
  entry.compiled ??= compile2(entry.glob);
  return entry.compiled(path);
}
function compile2(glob2) {
  try {
    const matcher = compileGlob(glob2);
    return (path) => matcher.test(path);
  } catch (error) {
    if (error instanceof GlobError) return (path) => path === glob2;
    throw error;
  }
}
function extensionOf(path) {
  const slash = path.lastIndexOf("/");
  const dot = path.lastIndexOf(".");
  return dot > slash ? path.slice(dot) : void 0;
}

// src/core/locate/changed-nodes.ts
var union = (lists) => [...new Set(lists.flat())].sort(compareClasses);
var objectPatterns = /* @__PURE__ */ new WeakMap();
function kubernetesPatternsOf(node3) {
  if (node3.match.kubernetes.length === 0) return [];
  let patterns = objectPatterns.get(node3);
  if (!patterns) {
    patterns = node3.match.kubernetes.map(compileObjectPattern);
    objectPatterns.set(node3, patterns);
  }
  return patterns;
}
function resourcesOf2(node3, resources, terraform) {
  const patterns = terraform.patternsOf(node3);
  const objects = kubernetesPatternsOf(node3);
  const own = resources.filter(
    (r) => r.through === void 0 || terraform.match(r.through).length === 0
  );
  if (patterns.length === 0 && objects.length === 0) return own;
  return own.filter((r) => {
    if (r.system === "terraform" && patterns.length > 0)
      return patterns.some(
        (p) => addressMatches(p, r.address) || r.previousAddress !== void 0 && addressMatches(p, r.previousAddress)
      );
    if (r.system === "kubernetes" && objects.length > 0)
      return objects.some((p) => p.test(r.address));
    return true;
  });
}
var TERRAFORM_FILE2 = /\.tf$/;
var folderOf = (path) => path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : ".";
var staysInModule = (from, to) => TERRAFORM_FILE2.test(from) && TERRAFORM_FILE2.test(to) && folderOf(from) === folderOf(to);
function locateChanges(files, plan, index2, terraformIndex, nodeOf) {
  const causes = /* @__PURE__ */ new Map();
  const resources = /* @__PURE__ */ new Map();
  const add = (node3, cause, found) => {
    const list3 = causes.get(node3);
    if (list3) list3.push(cause);
    else causes.set(node3, [cause]);
    if (found.length > 0) resources.set(node3, [...resources.get(node3) ?? [], ...found]);
  };
  const unmatchedFiles = [];
  const quietFiles = [];
  const seen = /* @__PURE__ */ new Set();
  const touched = new Set(
    files.flatMap((f) => [f.path, ...f.previousPath ? [f.previousPath] : []])
  );
  const survives = (node3, r) => r.system === "kubernetes" && r.classes.includes("deleted") && node3.match.kubernetes.length > 0 && node3.match.paths.some(
    (rule) => rule.repo === void 0 && namesOneFile(rule.glob) && !touched.has(rule.glob)
  );
  const home = /* @__PURE__ */ new Map();
  for (const file of files) for (const r of file.resources ?? []) home.set(r, file.path);
  const reported = /* @__PURE__ */ new Map();
  for (const file of files) {
    const key = `${file.status}\0${file.path}\0${file.previousPath ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const paths = file.previousPath && file.previousPath !== file.path ? [file.path, file.previousPath] : [file.path];
    let matched = false;
    const quiet = [];
    const hits = paths.map((path) => index2.match(path, file.repo));
    const moved = file.previousPath !== void 0 && file.previousPath !== file.path && !staysInModule(file.previousPath, file.path);
    for (const [side, path] of paths.entries()) {
      const other = new Set((hits[1 - side] ?? []).map((h) => h.node));
      for (const hit of hits[side] ?? []) {
        matched = true;
        const node3 = nodeOf(hit.node);
        if (!node3) continue;
        if (moved && !other.has(hit.node)) {
          const gone = path !== file.path;
          const unread = (file.resources ?? []).some((r) => r.classes.includes("unknown"));
          add(
            hit.node,
            {
              kind: "file",
              file: path,
              status: gone ? "removed" : "added",
              classes: [gone ? "deleted" : unread ? "unknown" : "added"],
              rule: hit.rule.source,
              evidence: [
                {
                  file: path,
                  detail: gone ? `moved to ${file.path}, which this node's rules do not match` : `moved here from ${file.previousPath}, which this node's rules do not match`
                }
              ]
            },
            []
          );
          continue;
        }
        if (file.resources === void 0) {
          add(
            hit.node,
            {
              kind: "file",
              file: path,
              status: file.status,
              // A node that stands for some objects of a file cannot tell, unread, whether
              // its objects changed.
              classes: [
                node3.match.kubernetes.length > 0 && file.status === "modified" ? "unknown" : classOfUncomparedFile(file.status, path)
              ],
              rule: hit.rule.source,
              evidence: []
            },
            []
          );
          continue;
        }
        const shared = file.folderResources ?? file.resources;
        const done = reported.get(hit.node) ?? /* @__PURE__ */ new Set();
        reported.set(hit.node, done);
        const all = resourcesOf2(node3, shared, terraformIndex()).filter(
          (r) => file.folderResources === void 0 || terraformIndex().patternsOf(node3).length > 0 || r.evidence.some(
            (e) => e.file !== void 0 && index2.match(e.file, file.repo).some((h) => h.node === hit.node)
          )
        );
        const mine = all.filter((r) => {
          const at3 = home.get(r);
          const elsewhere = at3 !== void 0 && at3 !== path && index2.match(at3, file.repo).some((h) => h.node === hit.node);
          return !done.has(r) && !elsewhere && !survives(node3, r);
        });
        for (const r of mine) done.add(r);
        const classes = union(mine.map((r) => r.classes));
        if (classes.length === 0) {
          if (all.some((r) => r.classes.length > 0)) continue;
          if (!quiet.includes(hit.node)) quiet.push(hit.node);
          continue;
        }
        const evidence = mine.flatMap(
          (r) => r.evidence.map((e) => ({ ...e, file: e.file ?? path }))
        );
        add(
          hit.node,
          {
            kind: "file",
            file: path,
            status: file.status,
            classes,
            rule: hit.rule.source,
            evidence
          },
          mine
        );
      }
    }
    const direct = new Set(hits.flat().map((h) => h.node));
    const reached = /* @__PURE__ */ new Map();
    for (const neighbour of file.reaches ?? [])
      for (const hit of index2.match(neighbour, file.repo))
        if (!direct.has(hit.node) && !reached.has(hit.node)) reached.set(hit.node, hit);
    for (const hit of reached.values()) {
      const node3 = nodeOf(hit.node);
      if (!node3 || file.resources === void 0) continue;
      const done = reported.get(hit.node) ?? /* @__PURE__ */ new Set();
      reported.set(hit.node, done);
      const mine = resourcesOf2(node3, file.resources, terraformIndex()).filter(
        (r) => !done.has(r) && r.classes.length > 0
      );
      if (mine.length === 0) continue;
      for (const r of mine) done.add(r);
      matched = true;
      add(
        hit.node,
        {
          kind: "file",
          file: file.path,
          status: file.status,
          classes: union(mine.map((r) => r.classes)),
          rule: hit.rule.source,
          evidence: mine.flatMap(
            (r) => r.evidence.map((e) => ({
              ...e,
              file: e.file ?? file.path,
              detail: `${e.detail} (in the module folder of ${hit.rule.glob})`
            }))
          )
        },
        mine
      );
    }
    if (!matched) unmatchedFiles.push(file.path);
    if (quiet.length > 0) {
      quietFiles.push({
        file: file.path,
        nodes: quiet,
        reason: file.folderResources !== void 0 || /\.tf$/.test(file.path) ? (file.folderResources ?? file.resources)?.length === 0 ? "nothing that matters changed: every resource of its Terraform folder evaluates the same" : "none of these nodes' resources changed" : file.resources?.length === 0 ? "nothing that matters changed: comments or formatting" : file.resources?.some((r) => r.system === "kubernetes") ? "none of these nodes' objects changed" : "none of these nodes' resources changed"
      });
    }
  }
  const unmatchedResources = [];
  if (plan) {
    for (const resource of plan.reading.resources) {
      const hits = terraformIndex().match(resource.address, resource.previousAddress);
      if (hits.length === 0 && resource.classes.length > 0)
        unmatchedResources.push(resource.address);
      for (const hit of hits) {
        if (resource.classes.length === 0) continue;
        const evidence = resource.evidence.map((e) => ({ ...e, file: plan.file }));
        add(
          hit.node,
          {
            kind: "plan",
            file: plan.file,
            address: resource.address,
            classes: resource.classes,
            rule: hit.rule,
            evidence
          },
          [{ ...resource, evidence }]
        );
      }
    }
  }
  const changed = [];
  for (const [id, list3] of causes) {
    const node3 = nodeOf(id);
    if (!node3) continue;
    changed.push({
      id,
      kind: node3.kind,
      owner: node3.owner,
      tier: node3.tier,
      classes: union(list3.map((c) => c.classes)),
      causes: list3,
      resources: resources.get(id) ?? []
    });
  }
  changed.sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { changed, unmatchedFiles, quietFiles, unmatchedResources };
}

// src/core/locate/terraform-index.ts
var TerraformIndex = class _TerraformIndex {
  constructor(rules) {
    this.rules = rules;
  }
  rules;
  static fromNodes(nodes) {
    const rules = [];
    for (const node3 of nodes) {
      for (const rule of node3.match.terraform)
        rules.push({ node: node3.id, rule, pattern: compileAddressPattern(rule) });
    }
    return new _TerraformIndex(rules);
  }
  get size() {
    return this.rules.length;
  }
  /** Nodes whose patterns match the address (or its previous address), one hit per node. */
  match(address, previousAddress) {
    const hits = [];
    const seen = /* @__PURE__ */ new Set();
    for (const { node: node3, rule, pattern } of this.rules) {
      if (seen.has(node3)) continue;
      if (addressMatches(pattern, address) || previousAddress !== void 0 && addressMatches(pattern, previousAddress)) {
        seen.add(node3);
        hits.push({ node: node3, rule });
      }
    }
    return hits;
  }
  /** Whether a node names its resources: then only those resources of a matched file count. */
  patternsOf(node3) {
    return this.rules.filter((r) => r.node === node3.id).map((r) => r.pattern);
  }
};

// src/core/owners.ts
var HANDLE = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9._-]+)?$/;
function githubHandle(owner2) {
  return owner2.github && HANDLE.test(owner2.github) ? owner2.github : void 0;
}
function ownerCollector(ownerIds, owners) {
  const groups2 = [];
  const unowned = ownerIds.length;
  return {
    add(owner2, id, breaking) {
      const slot = owner2 < 0 ? unowned : owner2;
      let group = groups2[slot];
      if (!group) {
        group = { breaking: [], atRisk: [] };
        groups2[slot] = group;
      }
      (breaking ? group.breaking : group.atRisk).push(id);
    },
    result() {
      const result = [];
      groups2.forEach((group, slot) => {
        if (!group) return;
        const id = slot === unowned ? void 0 : ownerIds[slot];
        const owner2 = id === void 0 ? void 0 : owners.get(id);
        result.push({ id, github: owner2?.github, chat: owner2?.chat, ...group });
      });
      return result.sort((a, b) => {
        if (a.id === void 0 || b.id === void 0) return a.id === void 0 ? 1 : -1;
        const byBreaking = Number(b.breaking.length > 0) - Number(a.breaking.length > 0);
        return byBreaking || (a.id < b.id ? -1 : 1);
      });
    }
  };
}

// src/core/graph/compact-graph.ts
function compactGraph(config, skipped) {
  const ids2 = [];
  const nodes = [];
  const indexOf = /* @__PURE__ */ new Map();
  let declared = 0;
  for (const [id, node3] of config.nodes) {
    indexOf.set(id, ids2.length);
    ids2.push(id);
    nodes.push(node3);
    declared += node3.dependsOn.length;
  }
  const n = ids2.length;
  const ownerOf = new Int32Array(n).fill(-1);
  const tierOf = new Int8Array(n).fill(-1);
  const ownerIds = [];
  const ownerIndex = /* @__PURE__ */ new Map();
  for (let i = 0; i < n; i++) {
    const node3 = nodes[i];
    if (node3.tier !== void 0) tierOf[i] = node3.tier;
    if (node3.owner === void 0) continue;
    let o = ownerIndex.get(node3.owner);
    if (o === void 0) {
      o = ownerIds.length;
      ownerIds.push(node3.owner);
      ownerIndex.set(node3.owner, o);
    }
    ownerOf[i] = o;
  }
  const edgeFrom = new Int32Array(declared);
  const edgeTo = new Int32Array(declared);
  const edgeVia = new Int32Array(declared);
  const edgeBreaks = new Int32Array(declared);
  const degree = new Int32Array(n);
  const vias = [];
  const viaIndex = /* @__PURE__ */ new Map();
  const breakSets = [];
  const breakIndex = /* @__PURE__ */ new Map();
  let lastVia = "";
  let lastViaIndex = -1;
  let lastBreaks;
  let lastBreaksIndex = -1;
  let edgeDiscovered;
  let m = 0;
  for (let from = 0; from < n; from++) {
    for (const edge of nodes[from].dependsOn) {
      const to = indexOf.get(edge.to);
      if (to === void 0 || to === from) {
        skipped?.push({ edge, reason: to === void 0 ? "unknown-node" : "self" });
        continue;
      }
      edgeFrom[m] = from;
      edgeTo[m] = to;
      degree[to] = degree[to] + 1;
      if (edge.via !== lastVia) {
        let v = viaIndex.get(edge.via);
        if (v === void 0) {
          v = vias.length;
          vias.push(edge.via);
          viaIndex.set(edge.via, v);
        }
        lastVia = edge.via;
        lastViaIndex = v;
      }
      edgeVia[m] = lastViaIndex;
      if (edge.discovered) {
        edgeDiscovered ??= new Uint8Array(declared);
        edgeDiscovered[m] = 1;
      }
      const breaksOn = edge.breaksOn;
      if (breaksOn === void 0) edgeBreaks[m] = -1;
      else {
        if (breaksOn !== lastBreaks) {
          const key = breaksOn.join("\0");
          let b = breakIndex.get(key);
          if (b === void 0) {
            b = breakSets.length;
            breakSets.push(breaksOn);
            breakIndex.set(key, b);
          }
          lastBreaks = breaksOn;
          lastBreaksIndex = b;
        }
        edgeBreaks[m] = lastBreaksIndex;
      }
      m++;
    }
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
  const cursor = offsets.slice(0, n);
  const targets = new Int32Array(m);
  const sources = new Int32Array(m);
  for (let i = 0; i < n; i++) sources.fill(i, offsets[i], offsets[i + 1]);
  const via = new Int32Array(m);
  const breaks = new Int32Array(m);
  let discovered;
  for (let e = 0; e < m; e++) {
    const to = edgeTo[e];
    const slot = cursor[to];
    cursor[to] = slot + 1;
    targets[slot] = edgeFrom[e];
    via[slot] = edgeVia[e];
    breaks[slot] = edgeBreaks[e];
    if (edgeDiscovered?.[e]) {
      discovered ??= new Uint8Array(m);
      discovered[slot] = 1;
    }
  }
  return {
    ids: ids2,
    nodes,
    indexOf,
    offsets,
    targets,
    sources,
    via,
    vias,
    breaks,
    breakSets,
    ownerOf,
    ownerIds,
    tierOf,
    ...discovered ? { discovered } : {}
  };
}

// src/core/plan-overlay.ts
var DISCOVERED_PREFIX = "terraform:";
function nodesFor(address, terraform) {
  const hits = terraform.match(address);
  return hits.length > 0 ? { ids: hits.map((h) => h.node), declared: true } : { ids: [`${DISCOVERED_PREFIX}${withoutIndexes(address)}`], declared: false };
}
function missingEdges(config, references, terraform) {
  const missing = [];
  const seen = /* @__PURE__ */ new Set();
  for (const reference of references) {
    const to = terraform.match(reference.to);
    if (to.length === 0) continue;
    const from = nodesFor(reference.from, terraform);
    for (const dependent of from.ids) {
      for (const { node: dependency } of to) {
        if (dependent === dependency) continue;
        if (config.nodes.get(dependent)?.dependsOn.some((e) => e.to === dependency)) continue;
        const key = `${dependent}\0${dependency}`;
        if (seen.has(key)) continue;
        seen.add(key);
        missing.push({
          dependent,
          dependency,
          reference,
          kind: from.declared ? "between-nodes" : "undeclared-dependent"
        });
      }
    }
  }
  return missing;
}
function withDiscoveredEdges(model, references, terraform) {
  const nodes = new Map(model.config.nodes);
  let added = 0;
  const edges = missingEdges(model.config, references, terraform);
  const undeclared = new Set(
    edges.filter((m) => m.kind === "undeclared-dependent").map((m) => m.dependent)
  );
  const followed = /* @__PURE__ */ new Set();
  for (let grew = true; grew; ) {
    grew = false;
    for (const reference of references) {
      if (followed.has(reference)) continue;
      const from = nodesFor(reference.from, terraform);
      const to = nodesFor(reference.to, terraform);
      if (from.declared || to.declared || !undeclared.has(to.ids[0])) continue;
      followed.add(reference);
      edges.push({
        dependent: from.ids[0],
        dependency: to.ids[0],
        reference,
        kind: "undeclared-dependent"
      });
      undeclared.add(from.ids[0]);
      grew = true;
    }
  }
  for (const { dependent, dependency, reference } of edges) {
    let node3 = nodes.get(dependent);
    if (!node3) {
      node3 = {
        id: dependent,
        kind: reference.from.replace(/^(module\.[^.]+\.)*/, "").split(".")[0] ?? "terraform-resource",
        description: `Not in deps.yaml: found in ${reference.file}`,
        match: { paths: [], terraform: [], kubernetes: [] },
        dependsOn: [],
        declaredAt: { file: reference.file }
      };
    }
    if (node3.dependsOn.some((e) => e.to === dependency)) continue;
    const edge = {
      from: dependent,
      to: dependency,
      via: "references",
      breaksOn: DEFAULT_BREAKS_ON.references,
      description: `${reference.from}.${reference.attribute} refers to ${reference.to}`,
      discovered: { file: reference.file, attribute: reference.attribute },
      index: node3.dependsOn.length
    };
    nodes.set(dependent, { ...node3, dependsOn: [...node3.dependsOn, edge] });
    added++;
  }
  if (added === 0) return model;
  const config = { ...model.config, nodes };
  const compact = compactGraph(config);
  let graph;
  return {
    config,
    compact,
    paths: model.paths,
    terraform: model.terraform,
    get graph() {
      graph ??= buildGraph(config);
      return graph;
    }
  };
}

// src/core/risk.ts
var DEFAULT_TIER = 2;
function riskCounter() {
  let risk = "none";
  return {
    add(breaking, tier2) {
      if (risk === "high") return;
      const critical = (tier2 ?? DEFAULT_TIER) <= 1;
      if (breaking && critical) risk = "high";
      else if (breaking || critical) risk = "medium";
      else if (risk === "none") risk = "low";
    },
    get risk() {
      return risk;
    }
  };
}

// src/core/analyze.ts
function prepareModel(config, compact) {
  let graph;
  let terraform;
  return {
    config,
    compact,
    paths: PathIndex.fromNodes(config.nodes.values()),
    // Built on first use: most runs read no plan and no Terraform contents.
    get terraform() {
      terraform ??= TerraformIndex.fromNodes(config.nodes.values());
      return terraform;
    },
    get graph() {
      graph ??= buildGraph(config);
      return graph;
    }
  };
}
function analyze(base, files, options = {}) {
  const plan = options.plan;
  const model = plan ? withDiscoveredEdges(base, plan.reading.references, base.terraform) : base;
  const located = locateIn(model, files, plan);
  return radiusOf(model, located.changed, options, located);
}
function locateIn(model, files, plan) {
  return locateChanges(
    files,
    plan,
    model.paths,
    () => model.terraform,
    (id) => model.config.nodes.get(id)
  );
}
function radiusOf(model, changed, options, located) {
  const contracts = checkContracts(changed, model.compact);
  const radius = blastRadius(model.compact, changed, {
    maxDepth: options.maxDepth,
    ...contracts.broken.size > 0 ? { alwaysBreaks: contracts.broken } : {}
  });
  const { ids: ids2, ownerOf, ownerIds, tierOf } = model.compact;
  const owners = ownerCollector(ownerIds, model.config.owners);
  const risk = riskCounter();
  radius.forEach((node3, _depth, breaking) => {
    owners.add(ownerOf[node3], ids2[node3], breaking);
    const tier2 = tierOf[node3];
    risk.add(breaking, tier2 < 0 ? void 0 : tier2);
  });
  return {
    changed,
    // Node objects with their paths are built when a renderer first reads them.
    get impacted() {
      return radius.impacted;
    },
    owners: owners.result(),
    risk: risk.risk,
    unmatchedFiles: located.unmatchedFiles,
    quietFiles: located.quietFiles,
    unmatchedResources: located.unmatchedResources,
    contracts: contracts.outcomes,
    truncated: radius.truncated,
    unjudged: options.unjudged ?? []
  };
}

// src/core/config/load-deps.ts
var import_node_path = require("node:path");

// src/core/graph/find-cycles.ts
function findCycles(graph) {
  const n = graph.ids.length;
  const { offsets, targets } = graph;
  const index2 = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let stackSize = 0;
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let counter = 0;
  const cycles = [];
  for (let root = 0; root < n; root++) {
    if (index2[root] !== -1) continue;
    let depth = 0;
    const open = (node3) => {
      index2[node3] = counter;
      low[node3] = counter;
      counter++;
      stack[stackSize++] = node3;
      onStack[node3] = 1;
      callNode[depth] = node3;
      callEdge[depth] = offsets[node3];
      depth++;
    };
    open(root);
    while (depth > 0) {
      const node3 = callNode[depth - 1];
      const e = callEdge[depth - 1];
      if (e < offsets[node3 + 1]) {
        callEdge[depth - 1] = e + 1;
        const next = targets[e];
        if (index2[next] === -1) open(next);
        else if (onStack[next]) low[node3] = Math.min(low[node3], index2[next]);
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = callNode[depth - 1];
        low[parent] = Math.min(low[parent], low[node3]);
      }
      if (low[node3] === index2[node3]) {
        const members = [];
        let member;
        do {
          member = stack[--stackSize];
          onStack[member] = 0;
          members.push(member);
        } while (member !== node3);
        if (members.length > 1) cycles.push(cycleThrough(graph, members));
      }
    }
  }
  return cycles;
}
function cycleThrough(graph, members) {
  const inside = new Set(members);
  const ids2 = graph.ids;
  const start = members.reduce((a, b) => ids2[a] <= ids2[b] ? a : b);
  const parent = /* @__PURE__ */ new Map();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node3 = queue[head];
    for (let e = graph.offsets[node3]; e < graph.offsets[node3 + 1]; e++) {
      const next = graph.targets[e];
      if (!inside.has(next)) continue;
      if (next === start) {
        const walk2 = [ids2[start]];
        for (let at3 = node3; at3 !== start; at3 = parent.get(at3))
          walk2.push(ids2[at3]);
        walk2.push(ids2[start]);
        return walk2;
      }
      if (!parent.has(next)) {
        parent.set(next, node3);
        queue.push(next);
      }
    }
  }
  return [ids2[start], ids2[start]];
}

// src/core/config/backstage/entity-ref.ts
var DEFAULT_NAMESPACE = "default";
function parseEntityRef(written, defaults = {}) {
  if (typeof written !== "string") return void 0;
  const text4 = written.trim();
  if (text4 === "") return void 0;
  const colon = text4.indexOf(":");
  const kind = colon > 0 ? text4.slice(0, colon) : defaults.kind;
  const rest = colon > 0 ? text4.slice(colon + 1) : text4;
  const slash = rest.indexOf("/");
  const namespace = slash > 0 ? rest.slice(0, slash) : defaults.namespace ?? DEFAULT_NAMESPACE;
  const name = slash > 0 ? rest.slice(slash + 1) : rest;
  if (!kind || !name || name.includes("/") || name.includes(":")) return void 0;
  return { kind: kind.toLowerCase(), namespace: namespace.toLowerCase(), name };
}
function refKey(ref) {
  return `${ref.kind}:${ref.namespace}/${ref.name.toLowerCase()}`;
}
function entityId(ref) {
  const name = ref.name.toLowerCase();
  return ref.namespace === DEFAULT_NAMESPACE ? `${ref.kind}:${name}` : `${ref.kind}:${ref.namespace}/${name}`;
}

// src/core/config/backstage/merge-catalog.ts
var where = (file, line) => line === void 0 ? file : `${file}:${line}`;
function mergeCatalogs(input) {
  const warnings = [];
  const warn = (file, line, code2, message, hint) => warnings.push({ severity: "warning", code: code2, file, line, message, hint });
  const entities = /* @__PURE__ */ new Map();
  const entityOwners = /* @__PURE__ */ new Map();
  const owners = /* @__PURE__ */ new Map();
  const keepFirst = (map, item, name) => {
    const first = map.get(item.id);
    if (!first) {
      map.set(item.id, item);
      return true;
    }
    warn(
      item.declaredAt.file,
      item.declaredAt.line,
      "catalog-duplicate-entity",
      `entity "${name}" is declared again; the first declaration (${where(first.declaredAt.file, first.declaredAt.line)}) is kept`,
      "Backstage refuses the second one too: rename it or remove the duplicate"
    );
    return false;
  };
  for (const catalog of input.catalogs) {
    for (const { node: node3, owner: owner2 } of catalog.nodes) {
      if (keepFirst(entities, node3, node3.catalog?.ref ?? node3.id) && owner2)
        entityOwners.set(node3.id, owner2);
    }
    for (const owner2 of catalog.owners) keepFirst(owners, owner2, owner2.id);
  }
  const entityByRef = /* @__PURE__ */ new Map();
  for (const node3 of entities.values())
    if (node3.catalog) entityByRef.set(node3.catalog.ref, node3.id);
  const entityFor = (id) => {
    if (entities.has(id)) return id;
    if (!id.includes(":")) return void 0;
    const ref = parseEntityRef(id);
    return ref ? entityByRef.get(refKey(ref)) : void 0;
  };
  for (const [id, owner2] of input.owners) {
    const entity = owners.get(id);
    owners.set(id, entity ? { ...entity, ...definedOnly(owner2), catalog: entity.catalog } : owner2);
  }
  const nodes = new Map(entities);
  const renamed = /* @__PURE__ */ new Map();
  for (const [id, declared] of input.nodes) {
    const target = entityFor(id);
    if (target === void 0) {
      nodes.set(id, declared);
      continue;
    }
    if (target !== id) renamed.set(id, target);
    const entity = entities.get(target);
    nodes.set(target, {
      ...entity,
      ...definedOnly(declared),
      id: target,
      kind: declared.kind === "" ? entity.kind : declared.kind,
      match: {
        // deps.yaml's first, so their indexes stay those of its file, for messages.
        paths: [...declared.match.paths, ...entity.match.paths],
        terraform: [...declared.match.terraform, ...entity.match.terraform],
        kubernetes: [...declared.match.kubernetes, ...entity.match.kubernetes]
      },
      dependsOn: declared.dependsOn.map((e) => ({ ...e, from: target })),
      declaredAt: declared.declaredAt,
      catalog: entity.catalog
    });
  }
  const resolveTarget = (to) => renamed.get(to) ?? (nodes.has(to) ? to : entityFor(to) ?? to);
  for (const [id, node3] of nodes) {
    if (!node3.dependsOn.some((e) => resolveTarget(e.to) !== e.to)) continue;
    nodes.set(id, {
      ...node3,
      dependsOn: node3.dependsOn.map((e) => ({ ...e, to: resolveTarget(e.to) }))
    });
  }
  const ownerByRef = /* @__PURE__ */ new Map();
  for (const id of owners.keys()) {
    const ref = parseEntityRef(id);
    if (ref) ownerByRef.set(refKey(ref), id);
  }
  for (const [id, owner2] of entityOwners) {
    const node3 = nodes.get(id);
    if (node3.owner !== void 0) continue;
    const ownerId = resolveOwner(owner2.ref, owner2.written, owners, ownerByRef, input.owners);
    if (!owners.has(ownerId)) {
      const file = entities.get(id)?.declaredAt.file ?? "";
      owners.set(ownerId, { id: ownerId, declaredAt: { file, line: owner2.line }, catalog: {} });
      warn(
        file,
        owner2.line,
        "catalog-unknown-owner",
        `owner "${owner2.written}" of "${id}" is in none of the catalogs read; it is shown as "${ownerId}", with no one to notify`,
        `include the catalog that declares it, or declare "${ownerId}" under owners: in deps.yaml with its GitHub handle`
      );
    }
    nodes.set(id, { ...node3, owner: ownerId });
  }
  const added = /* @__PURE__ */ new Map();
  const has = (from, to) => (nodes.get(from)?.dependsOn.some((e) => e.to === to) ?? false) || (added.get(from)?.some((e) => e.to === to) ?? false);
  const missing = /* @__PURE__ */ new Map();
  for (const catalog of input.catalogs) {
    for (const relation of catalog.relations) {
      const kept = entities.get(relation.entity)?.declaredAt;
      if (kept?.file !== relation.entityAt.file || kept.line !== relation.entityAt.line) continue;
      const other = relationTarget(relation, nodes, entityByRef, entities);
      if (other.id === void 0) {
        const key = `${relation.file}\0${relation.field}\0${other.missing}`;
        const seen = missing.get(key);
        if (seen) seen.count++;
        else
          missing.set(key, {
            count: 1,
            diagnostic: {
              severity: "warning",
              code: other.code,
              file: relation.file,
              line: relation.line,
              message: other.message,
              hint: other.hint
            }
          });
        continue;
      }
      if (other.note)
        warn(
          relation.file,
          relation.line,
          "catalog-ref-without-kind",
          other.note,
          "write the ref with its kind, as Backstage requires"
        );
      const from = relation.outward ? relation.entity : other.id;
      const to = relation.outward ? other.id : relation.entity;
      if (from === to) {
        warn(
          relation.file,
          relation.line,
          "catalog-self-relation",
          `${relation.field} of "${relation.entity}" names the entity itself; no edge`,
          "remove it"
        );
        continue;
      }
      if (has(from, to)) continue;
      const edge = {
        from,
        to,
        via: relation.via,
        breaksOn: DEFAULT_BREAKS_ON[relation.via],
        index: -1,
        origin: { field: relation.field, file: relation.file, line: relation.line }
      };
      const list3 = added.get(from);
      if (list3) list3.push(edge);
      else added.set(from, [edge]);
    }
  }
  for (const { count: count2, diagnostic } of missing.values()) {
    warnings.push(
      count2 > 1 ? {
        ...diagnostic,
        message: `${diagnostic.message} (and ${count2 - 1} more time${count2 > 2 ? "s" : ""} in this file)`
      } : diagnostic
    );
  }
  for (const [from, edges] of added) {
    const node3 = nodes.get(from);
    nodes.set(from, { ...node3, dependsOn: [...node3.dependsOn, ...edges] });
  }
  linkOrganisation(input.catalogs, owners, warnings);
  return { nodes, owners, warnings };
}
function definedOnly(value) {
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== void 0 && v !== "") out[k] = v;
  }
  return out;
}
function resolveOwner(ref, written, owners, ownerByRef, declared) {
  const id = entityId(ref);
  if (owners.has(id)) return id;
  if (!written.includes(":") && declared.has(written)) return written;
  return ownerByRef.get(refKey(ref)) ?? id;
}
var nameIndexes = /* @__PURE__ */ new WeakMap();
function byName(entities) {
  let index2 = nameIndexes.get(entities);
  if (!index2) {
    index2 = /* @__PURE__ */ new Map();
    for (const node3 of entities.values()) {
      const name = node3.id.slice(node3.id.indexOf(":") + 1);
      const list3 = index2.get(name);
      if (list3) list3.push(node3);
      else index2.set(name, [node3]);
    }
    nameIndexes.set(entities, index2);
  }
  return index2;
}
function relationTarget(relation, nodes, entityByRef, entities) {
  const target = relation.target;
  if (!target) {
    const name = relation.written.trim().toLowerCase();
    const candidates2 = byName(entities).get(name) ?? [];
    if (candidates2.length === 1 && /^[^:/]+$/.test(name)) {
      const only = candidates2[0];
      return {
        id: only.id,
        note: `${relation.field} of "${relation.entity}" names "${relation.written}" without a kind; read as "${only.id}", the only entity of that name`
      };
    }
    return {
      code: "catalog-invalid-ref",
      message: `${relation.field} of "${relation.entity}": "${relation.written}" is not an entity reference with a kind; no edge`,
      hint: "write it as kind:name, e.g. resource:artists-db",
      // Said per entity: each one has its own ref to fix.
      missing: `${relation.entity}\0${relation.written}`
    };
  }
  const id = entityByRef.get(refKey(target)) ?? (nodes.has(entityId(target)) ? entityId(target) : void 0);
  if (id !== void 0) return { id };
  return {
    code: "catalog-unknown-entity",
    message: `${relation.field} of "${relation.entity}" names "${entityId(target)}", which is in none of the catalogs read; no edge`,
    hint: `include the catalog that declares it, or declare a node "${entityId(target)}" in deps.yaml`,
    missing: entityId(target)
  };
}
function linkOrganisation(catalogs, owners, warnings) {
  const parents = /* @__PURE__ */ new Map();
  const members = /* @__PURE__ */ new Map();
  const addMember = (group, user) => {
    const set = members.get(group);
    if (set) set.add(user);
    else members.set(group, /* @__PURE__ */ new Set([user]));
  };
  for (const catalog of catalogs) {
    const missing = /* @__PURE__ */ new Map();
    for (const link3 of catalog.orgLinks) {
      const id = link3.target ? entityId(link3.target) : void 0;
      if (id === void 0 || !owners.has(id)) {
        const entry = missing.get(link3.field) ?? { line: link3.line, names: /* @__PURE__ */ new Set() };
        entry.names.add(id ?? link3.written);
        missing.set(link3.field, entry);
        continue;
      }
      if (link3.field === "spec.parent") parents.set(link3.owner, id);
      else if (link3.field === "spec.children") parents.set(id, link3.owner);
      else if (link3.field === "spec.members") addMember(link3.owner, id);
      else addMember(id, link3.owner);
    }
    for (const [field, { line, names: names2 }] of missing) {
      const list3 = [...names2];
      warnings.push({
        severity: "warning",
        code: "catalog-unknown-entity",
        file: catalog.orgLinks[0]?.file ?? "",
        line,
        message: `${field} names ${list3.length === 1 ? "an entity" : `${list3.length} entities`} in none of the catalogs read (${list3.slice(0, 100).join(", ")}${list3.length > 100 ? ", \u2026" : ""}); kept out of the owners' organisation`,
        hint: "include the catalog with those groups and users if you want them linked"
      });
    }
  }
  for (const [id, owner2] of owners) {
    const parent = parents.get(id);
    const list3 = members.get(id);
    if (parent === void 0 && list3 === void 0) continue;
    owners.set(id, {
      ...owner2,
      catalog: {
        ...owner2.catalog,
        ...parent ? { parent } : {},
        ...list3 ? { members: [...list3].sort() } : {}
      }
    });
  }
}

// src/core/config/deps-schema.ts
var ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:/@+_-]*$";
var CLASS_PATTERN = "^[a-z][a-z0-9-]*$";
var GITHUB_HANDLE_PATTERN = "^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9._-]+)?$";
var EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+$";
var RESERVED_IDS = Object.getOwnPropertyNames(Object.prototype).sort();
var ids = { pattern: ID_PATTERN, maxLength: 200, not: { enum: RESERVED_IDS } };
var text = (description, extra = {}) => ({
  type: "string",
  minLength: 1,
  maxLength: 4e3,
  description,
  ...extra
});
var link = (description) => text(description, { pattern: "^(https?://|\\./|\\.\\./|/)\\S*$" });
var classList = {
  type: "array",
  description: `Change classes this edge breaks on; on the others it is at risk. One of: ${CLASS_ORDER.join(", ")}. Omitted: the default for its via (see the README), else every class.`,
  items: { type: "string", enum: CLASS_ORDER, maxLength: 64 }
};
var edgeLong = {
  type: "object",
  description: "A dependency with how it works.",
  required: ["on"],
  additionalProperties: false,
  properties: {
    on: text("The node depended on.", { pattern: ID_PATTERN, maxLength: 200 }),
    via: text(
      "How the dependency works. Recommended: assumes-role, token-exchange, calls, reads, writes, triggers, publishes-to, runs-as, renders, alerts-on, deploys, depends-on.",
      { pattern: CLASS_PATTERN, maxLength: 64 }
    ),
    breaks_on: classList,
    description: text("Why this dependency exists."),
    expects: {
      type: "object",
      description: "What this dependency needs of the node it depends on, checked against the new state whenever that node changes. A broken expectation makes the dependent break, whatever breaks_on says.",
      additionalProperties: false,
      properties: {
        trusts: {
          type: "array",
          description: "Principals the role must keep trusting: ARNs (arn:aws:iam::111111111111:role/job-runner) or 12-digit account ids.",
          items: text("A principal ARN or an account id.", { maxLength: 2048 })
        },
        allows: {
          type: "array",
          description: "Actions the role's or policy's documents must keep allowing: s3:GetObject, sts:AssumeRole.",
          items: text("An IAM action.", {
            maxLength: 256,
            pattern: "^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+$"
          })
        },
        exists: {
          type: "boolean",
          description: "true: the node must not be deleted."
        }
      }
    }
  }
};
var node = {
  type: "object",
  description: "A thing that can break: an IAM role, a service, a job, a table, a dashboard \u2026",
  additionalProperties: false,
  properties: {
    kind: text(
      "What it is: iam-role, service-account, service, job, table, dashboard, alert \u2026 Required, unless the node adds to an entity of an included Backstage catalog.",
      {
        maxLength: 64
      }
    ),
    owner: text("The owners key of the team that owns it.", {
      pattern: ID_PATTERN,
      maxLength: 200
    }),
    tier: {
      type: "integer",
      minimum: 0,
      maximum: 3,
      description: "Criticality: 0 is the most critical, 3 the least. Omitted counts as 2."
    },
    description: text("What it does, in a sentence."),
    docs: link("Link to its documentation."),
    runbook: link("Link to its runbook."),
    match: {
      type: "object",
      description: "What in a repository changes this node.",
      additionalProperties: false,
      properties: {
        paths: {
          type: "array",
          description: "Globs relative to the repository root (picomatch syntax, dotfiles included, no extglobs), optionally qualified by repository: `acme/infra:terraform/iam/**`.",
          items: text("A glob, optionally `owner/repo:glob`; not negated.", {
            maxLength: 1e3,
            pattern: "^[^!\\s]"
          })
        },
        terraform: {
          type: "array",
          description: "Terraform resource addresses or address globs: `aws_iam_role.automation_runner`, `module.jobs.*`.",
          items: text("A resource address or glob.", { maxLength: 1e3 })
        },
        kubernetes: {
          type: "array",
          description: "Kubernetes objects, in the manifests match.paths matches: `Kind/namespace/name`, or `Kind/name` for an object written without a namespace (cluster-scoped, or applied to whatever namespace is chosen at apply time). `*` matches within one segment: `Deployment/monitoring/*`, `Role/*/argocd-*`.",
          // The form is checked after reading (kubernetes-rules.ts), with a message that says
          // how to write it, rather than by a schema pattern that quotes a regular expression.
          items: text("An object pattern: Kind/namespace/name or Kind/name.", { maxLength: 1e3 })
        }
      }
    },
    depends_on: {
      type: "array",
      description: "What this node needs in order to work.",
      items: {
        anyOf: [
          text("The id of the node depended on.", { pattern: ID_PATTERN, maxLength: 200 }),
          edgeLong
        ]
      }
    }
  }
};
var owner = {
  type: "object",
  description: "A team and how to reach it.",
  additionalProperties: false,
  properties: {
    github: text("GitHub user or team handle: `@user` or `@org/team`.", {
      pattern: GITHUB_HANDLE_PATTERN,
      maxLength: 140
    }),
    chat: text("Chat channel, e.g. `#iam-platform`."),
    email: text("Contact address.", { pattern: EMAIL_PATTERN, maxLength: 320 }),
    description: text("What the team does.")
  }
};
var depsSchema = {
  type: "object",
  description: "blastradius dependency graph, version 1.",
  required: ["version"],
  additionalProperties: false,
  properties: {
    version: { type: "integer", const: 1, description: "Always 1." },
    include: {
      type: "array",
      description: "Other files, relative to this one: deps files of the same format, or Backstage catalog files (catalog-info.yaml; their Locations are followed).",
      items: text("A relative path.", { maxLength: 1e3 })
    },
    owners: {
      type: "object",
      description: "Teams keyed by id.",
      propertyNames: ids,
      additionalProperties: owner
    },
    nodes: {
      type: "object",
      description: "Nodes keyed by id.",
      propertyNames: ids,
      additionalProperties: node
    }
  }
};

// node_modules/js-yaml/dist/js-yaml.mjs
var NOT_RESOLVED = /* @__PURE__ */ Symbol("NOT_RESOLVED");
function defineScalarTag(tagName, options) {
  return {
    tagName,
    nodeKind: "scalar",
    implicit: options.implicit ?? false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    implicitFirstChars: options.implicitFirstChars ?? null,
    resolve: options.resolve,
    identify: options.identify,
    represent: options.represent ?? ((data) => String(data)),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineSequenceTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "sequence",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addItem: options.addItem,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineMappingTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "mapping",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addPair: options.addPair,
    has: options.has,
    keys: options.keys,
    get: options.get,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
  resolve: (source) => source,
  identify: (data) => typeof data === "string"
});
var NULL_VALUES$1 = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES$1.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: ["n"],
  resolve: (source, isExplicit) => {
    if (source === "null" || isExplicit && source === "") return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var NULL_VALUES = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var TRUE_VALUES$2 = [
  "true",
  "True",
  "TRUE"
];
var FALSE_VALUES$2 = [
  "false",
  "False",
  "FALSE"
];
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "t",
    "T",
    "f",
    "F"
  ],
  resolve: (source) => {
    if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: ["t", "f"],
  resolve: (source) => {
    if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES = [
  "true",
  "True",
  "TRUE",
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "on",
  "On",
  "ON"
];
var FALSE_VALUES = [
  "false",
  "False",
  "FALSE",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "off",
  "Off",
  "OFF"
];
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "y",
    "Y",
    "n",
    "N",
    "t",
    "T",
    "f",
    "F",
    "o",
    "O"
  ],
  resolve: (source) => {
    if (TRUE_VALUES.indexOf(source) !== -1) return true;
    if (FALSE_VALUES.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$2(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger$2,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$1(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlInteger$1,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
  let value = source.replace(/_/g, "");
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  if (value.includes(":")) {
    let result = 0;
    for (const part of value.split(":")) result = result * 60 + Number(part);
    return sign * result;
  }
  if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
  if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
  if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase();
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  const result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat$2,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$2
});
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
    let value = source.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".includes(value[0])) value = value.slice(1);
    if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    if (value === ".nan") return NaN;
    const result2 = sign * parseFloat(value);
    return Number.isFinite(result2) ? result2 : NOT_RESOLVED;
  }
  if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = Number(source);
  if (Number.isFinite(result)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlFloat$1,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$1
});
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
  if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase().replace(/_/g, "");
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  let result = 0;
  if (value.includes(":")) {
    for (const part of value.split(":")) result = result * 60 + Number(part);
    result *= sign;
  } else result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat
});
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
  implicit: true,
  implicitFirstChars: ["<"],
  resolve: (source, isExplicit) => {
    if (source === "<<" || isExplicit && source === "") return "<<";
    return NOT_RESOLVED;
  },
  identify: () => false
});
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
  const input = source.replace(/\s/g, "");
  if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
  const binary2 = atob(input);
  const result = new Uint8Array(binary2.length);
  for (let index2 = 0; index2 < binary2.length; index2++) result[index2] = binary2.charCodeAt(index2);
  return result;
}
function representYamlBinary(object) {
  let binary2 = "";
  for (let index2 = 0; index2 < object.length; index2++) binary2 += String.fromCharCode(object[index2]);
  return btoa(binary2);
}
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
  resolve: resolveYamlBinary,
  identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
  represent: representYamlBinary
});
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day2, hour = 0, minute = 0, second = 0, fraction = 0) {
  const date2 = new Date(Date.UTC(year, month, day2, hour, minute, second, fraction));
  date2.setUTCFullYear(year, month, day2);
  return date2;
}
function resolveYamlTimestamp(source) {
  let match = YAML_DATE_REGEXP.exec(source);
  if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
  if (match === null) return NOT_RESOLVED;
  const year = +match[1];
  const month = +match[2] - 1;
  const day2 = +match[3];
  if (!match[4]) {
    const date3 = makeUtcDate(year, month, day2);
    if (date3.getUTCFullYear() !== year || date3.getUTCMonth() !== month || date3.getUTCDate() !== day2) return NOT_RESOLVED;
    return date3;
  }
  const hour = +match[4];
  const minute = +match[5];
  const second = +match[6];
  let fraction = 0;
  if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
  if (match[7]) {
    let value = match[7].slice(0, 3);
    while (value.length < 3) value += "0";
    fraction = +value;
  }
  const date2 = makeUtcDate(year, month, day2, hour, minute, second, fraction);
  if (date2.getUTCFullYear() !== year || date2.getUTCMonth() !== month || date2.getUTCDate() !== day2) return NOT_RESOLVED;
  if (match[9]) {
    const offsetHour = +match[10];
    const offsetMinute = +(match[11] || 0);
    if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
    const offset = (offsetHour * 60 + offsetMinute) * 6e4;
    date2.setTime(date2.getTime() - (match[9] === "-" ? -offset : offset));
  }
  return date2;
}
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
  implicit: true,
  implicitFirstChars: [..."0123456789"],
  resolve: resolveYamlTimestamp,
  identify: (object) => object instanceof Date,
  represent: (object) => object.toISOString()
});
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
  create: () => [],
  addItem: (container, item) => {
    container.push(item);
  },
  identify: Array.isArray
});
function isPlainObject4(data) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
  const prototype = Object.getPrototypeOf(data);
  return prototype === null || prototype === Object.prototype;
}
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
  create: () => ({
    list: [],
    seen: /* @__PURE__ */ new Set()
  }),
  addItem: (carrier, item) => {
    let key;
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve an ordered map item";
      key = item.keys().next().value;
    } else if (isPlainObject4(item)) {
      const itemKeys = Object.keys(item);
      if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
      key = itemKeys[0];
    } else return "cannot resolve an ordered map item";
    if (carrier.seen.has(key)) return "duplicate key in ordered map";
    carrier.seen.add(key);
    carrier.list.push(item);
    return "";
  },
  finalize: (carrier) => carrier.list,
  identify: () => false
});
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
  create: () => [],
  addItem: (container, item) => {
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve a pairs item";
      container.push(item.entries().next().value);
      return "";
    }
    if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
    const object = item;
    const keys = Object.keys(object);
    if (keys.length !== 1) return "cannot resolve a pairs item";
    container.push([keys[0], object[keys[0]]]);
    return "";
  },
  identify: () => false
});
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject4,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of Object.keys(o)) map.set(key, o[key]);
    return map;
  },
  addPair: (container, key, value) => {
    if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
    const normalizedKey = String(key);
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key) => {
    if (key !== null && typeof key === "object") return false;
    return Object.prototype.hasOwnProperty.call(container, String(key));
  },
  keys: (container) => Object.keys(container),
  get: (container, key) => {
    const normalizedKey = String(key);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
  create: () => /* @__PURE__ */ new Set(),
  identify: (data) => data instanceof Set,
  represent: (data) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of data) map.set(key, null);
    return map;
  },
  addPair: (container, key, value) => {
    if (value !== null) return "cannot resolve a set item";
    container.add(key);
    return "";
  },
  has: (container, key) => container.has(key),
  keys: (container) => container.keys(),
  get: () => null
});
function createTagDefinitionMap() {
  return {
    scalar: /* @__PURE__ */ Object.create(null),
    sequence: /* @__PURE__ */ Object.create(null),
    mapping: /* @__PURE__ */ Object.create(null)
  };
}
function createTagDefinitionListMap() {
  return {
    scalar: [],
    sequence: [],
    mapping: []
  };
}
function compileTags(tags) {
  const result = [];
  for (const tag of tags) {
    let index2 = result.length;
    for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
      const previous = result[previousIndex];
      if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
        index2 = previousIndex;
        break;
      }
    }
    result[index2] = tag;
  }
  return result;
}
var Schema = class Schema2 {
  tags;
  /** @internal */
  implicitScalarTags;
  /**
  * Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
  * the resolvers that may match that key, in schema order; a key absent from
  * the map uses
  * {@link Schema.implicitScalarAnyFirstChar}
  * (resolvers that declared no first-char constraint, so they apply to any
  * first character).
  */
  implicitScalarByFirstChar;
  implicitScalarAnyFirstChar;
  /**
  * The default scalar tag (`!!str`), resolved once so the composer's fallback
  * for unresolved plain scalars avoids a keyed lookup per scalar.
  *
  * @internal
  */
  defaultScalarTag;
  /**
  * The default container tags (`!!seq` / `!!map`), used by the dumper: when a
  * value is identified by its default tag, the tag is implicit and not
  * printed. Undefined if the schema does not define them (then such values
  * can't be dumped).
  *
  * @internal
  */
  defaultSequenceTag;
  /** @internal */
  defaultMappingTag;
  exact;
  prefix;
  constructor(tags) {
    const compiledTags = compileTags(tags);
    const implicitScalarTags = [];
    const exact = createTagDefinitionMap();
    const prefix = createTagDefinitionListMap();
    for (const tag of compiledTags) {
      if (tag.nodeKind === "scalar" && tag.implicit) {
        if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
        implicitScalarTags.push(tag);
      }
      switch (tag.nodeKind) {
        case "scalar":
          if (tag.matchByTagPrefix) prefix.scalar.push(tag);
          else exact.scalar[tag.tagName] = tag;
          break;
        case "sequence":
          if (tag.matchByTagPrefix) prefix.sequence.push(tag);
          else exact.sequence[tag.tagName] = tag;
          break;
        case "mapping":
          if (tag.matchByTagPrefix) prefix.mapping.push(tag);
          else exact.mapping[tag.tagName] = tag;
      }
    }
    const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
    const keys = /* @__PURE__ */ new Set();
    for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
    const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
    for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
    const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
    if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
    this.tags = compiledTags;
    this.implicitScalarTags = implicitScalarTags;
    this.implicitScalarByFirstChar = implicitScalarByFirstChar;
    this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
    this.defaultScalarTag = defaultScalarTag;
    this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
    this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
    this.exact = exact;
    this.prefix = prefix;
  }
  /** @internal */
  lookupScalarTag(tagName) {
    const exactTag = this.exact.scalar[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupSequenceTag(tagName) {
    const exactTag = this.exact.sequence[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupMappingTag(tagName) {
    const exactTag = this.exact.mapping[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  resolveImplicitScalarTag(source) {
    const candidates2 = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
    for (const tag2 of candidates2) {
      const value = tag2.resolve(source, false, tag2.tagName);
      if (value !== NOT_RESOLVED) return {
        value,
        tag: tag2
      };
    }
    const tag = this.defaultScalarTag;
    return {
      value: tag.resolve(source, false, tag.tagName),
      tag
    };
  }
  /**
  * Creates a new schema with the specified tags added. If a tag already
  * exists, it is replaced by the specified tag.
  *
  * @example
  *
  * ```javascript
  * import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
  *
  * const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
  * ```
  */
  withTags(...tags) {
    let flatTags = [];
    for (const tag of tags) flatTags = flatTags.concat(tag);
    return new Schema2([...this.tags, ...flatTags]);
  }
};
var FAILSAFE_SCHEMA = new Schema([
  strTag,
  seqTag,
  mapTag
]);
var JSON_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullJsonTag,
  boolJsonTag,
  intJsonTag,
  floatJsonTag
]);
var CORE_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullCoreTag,
  boolCoreTag,
  intCoreTag,
  floatCoreTag
]);
var YAML11_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullYaml11Tag,
  boolYaml11Tag,
  intYaml11Tag,
  floatYaml11Tag,
  timestampTag,
  mergeTag,
  binaryTag,
  omapTag,
  pairsTag,
  setTag
]);
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
  ...intYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = intYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
  }
}, {
  ...floatYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
  }
});
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => /* @__PURE__ */ new Map(),
  addPair: (container, key, value) => {
    container.set(key, value);
    return "";
  },
  has: (container, key) => container.has(key),
  keys: (container) => container.keys(),
  get: (container, key) => container.get(key),
  identify: (data) => data instanceof Map || isPlainObject4(data),
  represent: (data) => {
    if (data instanceof Map) return data;
    const map = /* @__PURE__ */ new Map();
    const obj = data;
    for (const key of Object.keys(obj)) map.set(key, obj[key]);
    return map;
  }
});
function normalizeKey(key) {
  if (Array.isArray(key)) {
    const array2 = Array.prototype.slice.call(key);
    for (let index2 = 0; index2 < array2.length; index2++) {
      if (Array.isArray(array2[index2])) return null;
      if (typeof array2[index2] === "object" && Object.prototype.toString.call(array2[index2]) === "[object Object]") array2[index2] = "[object Object]";
    }
    return String(array2);
  }
  if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
  return String(key);
}
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject4,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of Object.keys(o)) map.set(key, o[key]);
    return map;
  },
  addPair: (container, key, value) => {
    const normalizedKey = normalizeKey(key);
    if (normalizedKey === null) return "nested arrays are not supported inside keys";
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key) => {
    const normalizedKey = normalizeKey(key);
    return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
  },
  keys: (container) => Object.keys(container),
  get: (container, key) => {
    const normalizedKey = String(key);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var DEFAULT_SNIPPET_OPTIONS = {
  maxLength: 79,
  indent: 1,
  linesBefore: 3,
  linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position2, maxLineLength) {
  let head = "";
  let tail = "";
  const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
  if (position2 - lineStart > maxHalfLength) {
    head = " ... ";
    lineStart = position2 - maxHalfLength + head.length;
  }
  if (lineEnd - position2 > maxHalfLength) {
    tail = " ...";
    lineEnd = position2 + maxHalfLength - tail.length;
  }
  return {
    str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "\u2192") + tail,
    pos: position2 - lineStart + head.length
  };
}
function padStart(string, max) {
  return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
  if (!mark.buffer) return null;
  const opts = {
    ...DEFAULT_SNIPPET_OPTIONS,
    ...options
  };
  const re = /\r?\n|\r|\0/g;
  const lineStarts = [0];
  const lineEnds = [];
  let match;
  let foundLineNo = -1;
  while (match = re.exec(mark.buffer)) {
    lineEnds.push(match.index);
    lineStarts.push(match.index + match[0].length);
    if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
  }
  if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
  let result = "";
  const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
  const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
  for (let i = 1; i <= opts.linesBefore; i++) {
    if (foundLineNo - i < 0) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
    result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line2.str}
${result}`;
  }
  const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
  result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}
`;
  result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^
`;
  for (let i = 1; i <= opts.linesAfter; i++) {
    if (foundLineNo + i >= lineEnds.length) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
    result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line2.str}
`;
  }
  return result.replace(/\n$/, "");
}
function formatError(exception, compact) {
  let where2 = "";
  if (!exception.mark) return exception.reason;
  if (exception.mark.name) where2 += `in "${exception.mark.name}" `;
  where2 += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
  if (!compact && exception.mark.snippet) where2 += `

${exception.mark.snippet}`;
  return `${exception.reason} ${where2}`;
}
var YAMLException = class YAMLException2 extends Error {
  reason;
  mark;
  /**
  * Optional `mark` contains source snippet data. Usually, use
  * {@link YAMLException.throwAt} instead of passing it directly.
  */
  constructor(reason, mark) {
    super();
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
  }
  /**
  * Returns the formatted error, omitting the source snippet in compact mode.
  */
  toString(compact) {
    return `${this.name}: ${formatError(this, compact)}`;
  }
  /**
  * Builds a YAMLException with a source snippet and throws it. `source` is
  * the raw input text; `position` is an offset into it.
  */
  static throwAt(source, position2, message, filename = "") {
    let line = 0;
    let lineStart = 0;
    for (let index2 = 0; index2 < position2; index2++) {
      const ch = source.charCodeAt(index2);
      if (ch === 10) {
        line++;
        lineStart = index2 + 1;
      } else if (ch === 13) {
        line++;
        if (source.charCodeAt(index2 + 1) === 10) index2++;
        lineStart = index2 + 1;
      }
    }
    const mark = {
      name: filename,
      buffer: source,
      position: position2,
      line,
      column: position2 - lineStart
    };
    mark.snippet = makeSnippet(mark);
    throw new YAMLException2(message, mark);
  }
};
var EVENT_ID = {
  DOCUMENT: 1,
  SEQUENCE: 2,
  MAPPING: 3,
  SCALAR: 4,
  ALIAS: 5,
  POP: 6
};
var SCALAR_STYLE = {
  PLAIN: 1,
  SINGLE_QUOTED: 2,
  DOUBLE_QUOTED: 3,
  LITERAL_BLOCK: 4,
  FOLDED_BLOCK: 5
};
var COLLECTION_STYLE = {
  BLOCK: 1,
  FLOW: 2
};
var CHOMPING_MODE = {
  CLIP: 1,
  STRIP: 2,
  KEEP: 3
};
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
  switch (c) {
    case 48:
      return "\0";
    case 97:
      return "\x07";
    case 98:
      return "\b";
    case 116:
      return "	";
    case 9:
      return "	";
    case 110:
      return "\n";
    case 118:
      return "\v";
    case 102:
      return "\f";
    case 114:
      return "\r";
    case 101:
      return "\x1B";
    case 32:
      return " ";
    case 34:
      return '"';
    case 47:
      return "/";
    case 92:
      return "\\";
    case 78:
      return "\x85";
    case 95:
      return "\xA0";
    case 76:
      return "\u2028";
    case 80:
      return "\u2029";
    default:
      return "";
  }
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
  simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
  simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
  if (c <= 65535) return String.fromCharCode(c);
  return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
  if (c >= 48 && c <= 57) return c - 48;
  return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  return 8;
}
function skipFoldedBreaks(input, position2, end) {
  let breaks = 0;
  while (position2 < end) {
    const ch = input.charCodeAt(position2);
    if (ch === 10) {
      breaks++;
      position2++;
    } else if (ch === 13) {
      breaks++;
      position2++;
      if (input.charCodeAt(position2) === 10) position2++;
    } else if (ch === 32 || ch === 9) position2++;
    else break;
  }
  return {
    position: position2,
    breaks
  };
}
function foldedBreaks(count2) {
  if (count2 === 1) return " ";
  return "\n".repeat(count2 - 1);
}
function getPlainValue(input, start, end) {
  let result = "";
  let position2 = start;
  let captureStart = start;
  let captureEnd = start;
  while (position2 < end) {
    const ch = input.charCodeAt(position2);
    if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position2, end);
      result += foldedBreaks(fold.breaks);
      position2 = captureStart = captureEnd = fold.position;
    } else {
      position2++;
      if (ch !== 32 && ch !== 9) captureEnd = position2;
    }
  }
  return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
  let result = "";
  let position2 = start;
  let captureStart = start;
  let captureEnd = start;
  while (position2 < end) {
    const ch = input.charCodeAt(position2);
    if (ch === 39) {
      result += input.slice(captureStart, position2) + "'";
      position2 += 2;
      captureStart = captureEnd = position2;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position2, end);
      result += foldedBreaks(fold.breaks);
      position2 = captureStart = captureEnd = fold.position;
    } else {
      position2++;
      if (ch !== 32 && ch !== 9) captureEnd = position2;
    }
  }
  return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
  let result = "";
  let position2 = start;
  let captureStart = start;
  let captureEnd = start;
  while (position2 < end) {
    const ch = input.charCodeAt(position2);
    if (ch === 92) {
      result += input.slice(captureStart, position2);
      position2++;
      const escaped = input.charCodeAt(position2);
      if (escaped === 10 || escaped === 13) position2 = skipFoldedBreaks(input, position2, end).position;
      else if (escaped < 256 && simpleEscapeCheck[escaped]) {
        result += simpleEscapeMap[escaped];
        position2++;
      } else {
        let hexLength = escapedHexLen$1(escaped);
        let hexResult = 0;
        for (; hexLength > 0; hexLength--) {
          position2++;
          const digit = fromHexCode$1(input.charCodeAt(position2));
          hexResult = (hexResult << 4) + digit;
        }
        result += charFromCodepoint(hexResult);
        position2++;
      }
      captureStart = captureEnd = position2;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position2, end);
      result += foldedBreaks(fold.breaks);
      position2 = captureStart = captureEnd = fold.position;
    } else {
      position2++;
      if (ch !== 32 && ch !== 9) captureEnd = position2;
    }
  }
  return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
  const textIndent = indent < 0 ? 0 : indent;
  const region = input.slice(start, end).replace(/\r\n?/g, "\n");
  const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
  let result = "";
  let didReadContent = false;
  let emptyLines = 0;
  let atMoreIndented = false;
  for (const line of lines) {
    let column = 0;
    while (column < textIndent && line.charCodeAt(column) === 32) column++;
    if (indent < 0 || column >= line.length) {
      emptyLines++;
      continue;
    }
    const content = line.slice(textIndent);
    const first = content.charCodeAt(0);
    if (folded) {
      if (first === 32 || first === 9) {
        atMoreIndented = true;
        result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
      } else if (atMoreIndented) {
        atMoreIndented = false;
        result += "\n".repeat(emptyLines + 1);
      } else if (emptyLines === 0) {
        if (didReadContent) result += " ";
      } else result += "\n".repeat(emptyLines);
    } else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
    result += content;
    didReadContent = true;
    emptyLines = 0;
  }
  if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
  else if (chomping !== CHOMPING_MODE.STRIP) {
    if (didReadContent) result += "\n";
  }
  return result;
}
function getScalarValue(input, scalar) {
  if (scalar.valueStart === NO_RANGE$3) return "";
  const { valueStart, valueEnd } = scalar;
  if (scalar.fast) return input.slice(valueStart, valueEnd);
  switch (scalar.style) {
    case SCALAR_STYLE.SINGLE_QUOTED:
      return getSingleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return getDoubleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.LITERAL_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
    case SCALAR_STYLE.FOLDED_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
    default:
      return getPlainValue(input, valueStart, valueEnd);
  }
}
var DEFAULT_TAG_HANDLERS = Object.assign(/* @__PURE__ */ Object.create(null), {
  "!": "!",
  "!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
function tagPercentDecode(source) {
  let result = "";
  let index2 = 0;
  while (index2 < source.length) {
    if (source.charCodeAt(index2) !== 37) {
      result += source[index2++];
      continue;
    }
    let ch = parseInt(source.slice(index2 + 1, index2 + 3), 16);
    index2 += 3;
    if (ch >= 192) {
      let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
      ch &= (1 << 6 - remaining) - 1;
      while (remaining-- > 0) {
        ch = ch << 6 | parseInt(source.slice(index2 + 1, index2 + 3), 16) & 63;
        index2 += 3;
      }
    }
    if (ch < 65536) result += String.fromCharCode(ch);
    else {
      ch -= 65536;
      result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
    }
  }
  return result;
}
function tagNameFull(rawTag, tagHandlers) {
  if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
  const handleEnd = rawTag.indexOf("!", 1);
  const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
  return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
  filename: "",
  schema: CORE_SCHEMA,
  json: false,
  maxTotalMergeKeys: 1e4,
  maxAliases: -1
};
function eventPosition$1(event) {
  if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
  if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
  if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
  if ("start" in event) return event.start;
  return 0;
}
function throwError$1(state, message) {
  YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position2, tag, carrier) {
  try {
    return tag.finalize(carrier);
  } catch (error) {
    if (error instanceof YAMLException) throw error;
    YAMLException.throwAt(state.source, position2, error instanceof Error ? error.message : String(error), state.filename);
  }
}
function constructScalar(state, event) {
  const source = getScalarValue(state.source, event);
  const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
  const strTag2 = state.schema.defaultScalarTag;
  if (rawTag !== "") {
    if (rawTag === "!") return {
      value: source,
      tag: strTag2
    };
    const tagName = tagNameFull(rawTag, state.tagHandlers);
    const scalarTag = state.schema.lookupScalarTag(tagName);
    if (scalarTag) {
      const result = scalarTag.resolve(source, true, tagName);
      if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
      return {
        value: result,
        tag: scalarTag
      };
    }
    const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
    if (collectionTagDef) {
      if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
      const carrier = collectionTagDef.create(tagName);
      return {
        value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
        tag: collectionTagDef
      };
    }
    throwError$1(state, `unknown scalar tag !<${tagName}>`);
  }
  if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
  return {
    value: strTag2.resolve(source, false, strTag2.tagName),
    tag: strTag2
  };
}
function collectionTagName(state, event, defaultTagName) {
  const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
  return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
  return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
  state.totalMergeKeys++;
  if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
  chargeMergeWork(state);
  for (const sourceKey of sourceTag.keys(source)) {
    chargeMergeWork(state);
    if (frame.tag.has(frame.value, sourceKey)) continue;
    const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
    if (err) throwError$1(state, err);
    frame.overridable ??= /* @__PURE__ */ new Set();
    frame.overridable.add(sourceKey);
  }
}
function mergeSource(state, frame, source, sourceTag) {
  state.position = frame.keyPosition;
  if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
  else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
    if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
    for (const element of source) {
      const elementTag = state.nodeTags.get(element);
      if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
      mergeKeys(state, frame, element, elementTag);
    }
  } else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
  state.position = frame.keyPosition;
  if (frame.keyIsMerge) {
    mergeSource(state, frame, value, tag);
    return;
  }
  if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
  const err = frame.tag.addPair(frame.value, key, value);
  if (err) throwError$1(state, err);
  frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
  const frame = state.frames[state.frames.length - 1];
  if (frame.kind === "document") {
    frame.value = value;
    frame.hasValue = true;
  } else if (frame.kind === "sequence") {
    if (isMappingTag(tag)) state.nodeTags.set(value, tag);
    const err = frame.tag.addItem(frame.value, value, frame.index++);
    if (err) throwError$1(state, err);
  } else if (frame.hasKey) {
    const key = frame.key;
    frame.key = void 0;
    frame.hasKey = false;
    addMappingValue(state, frame, key, value, tag);
  } else {
    frame.key = value;
    frame.keyPosition = state.position;
    frame.hasKey = true;
    frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
  }
}
function storeAnchor(state, event, value, tag, isValueFinal) {
  if (event.anchorStart !== NO_RANGE$2) {
    const anchor = {
      value,
      tag,
      isValueFinal
    };
    state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
    return anchor;
  }
  return null;
}
function constructFromEvents(events, options) {
  const state = {
    ...DEFAULT_CONSTRUCTOR_OPTIONS,
    ...options,
    events,
    documents: [],
    eventIndex: 0,
    position: 0,
    frames: [],
    anchors: /* @__PURE__ */ new Map(),
    nodeTags: /* @__PURE__ */ new Map(),
    tagHandlers: /* @__PURE__ */ Object.create(null),
    totalMergeKeys: 0,
    aliasCount: 0
  };
  while (state.eventIndex < state.events.length) {
    const event = state.events[state.eventIndex++];
    state.position = eventPosition$1(event);
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        state.anchors = /* @__PURE__ */ new Map();
        state.nodeTags = /* @__PURE__ */ new Map();
        state.aliasCount = 0;
        state.tagHandlers = /* @__PURE__ */ Object.create(null);
        for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
        state.frames.push({
          kind: "document",
          position: state.position,
          value: void 0,
          hasValue: false
        });
        break;
      case EVENT_ID.SCALAR: {
        const { value, tag } = constructScalar(state, event);
        storeAnchor(state, event, value, tag, true);
        addValue(state, value, tag);
        break;
      }
      case EVENT_ID.SEQUENCE: {
        const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
        const tag = state.schema.lookupSequenceTag(tagName);
        if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
        const value = tag.create(tagName);
        const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
        state.frames.push({
          kind: "sequence",
          position: state.position,
          value,
          tag,
          anchor,
          index: 0
        });
        break;
      }
      case EVENT_ID.MAPPING: {
        const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
        const tag = state.schema.lookupMappingTag(tagName);
        if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
        const value = tag.create(tagName);
        const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
        state.frames.push({
          kind: "mapping",
          position: state.position,
          value,
          tag,
          anchor,
          key: void 0,
          keyPosition: state.position,
          hasKey: false,
          keyIsMerge: false,
          overridable: null
        });
        break;
      }
      case EVENT_ID.ALIAS: {
        if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
        const name = state.source.slice(event.anchorStart, event.anchorEnd);
        const anchor = state.anchors.get(name);
        if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
        if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
        addValue(state, anchor.value, anchor.tag);
        break;
      }
      case EVENT_ID.POP: {
        const frame = state.frames.pop();
        if (frame.kind === "mapping" && frame.hasKey) {
          state.position = frame.keyPosition;
          throwError$1(state, "incomplete mapping pair in event stream");
        }
        if (frame.kind === "document") state.documents.push(frame.value);
        else {
          const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
          if (frame.anchor) {
            frame.anchor.value = value;
            frame.anchor.isValueFinal = true;
          }
          addValue(state, value, frame.tag);
        }
        break;
      }
    }
  }
  return state.documents;
}
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
  filename: "",
  maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
  state.events.push({
    type: EVENT_ID.DOCUMENT,
    explicitStart,
    explicitEnd,
    directives: state.directives
  });
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.SEQUENCE,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.MAPPING,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function insertFlowPairMappingEvent(state, snapshot) {
  state.events.splice(snapshot.eventsLength, 0, {
    type: EVENT_ID.MAPPING,
    start: snapshot.position,
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1,
    style: COLLECTION_STYLE.FLOW
  });
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
  state.events.push({
    type: EVENT_ID.SCALAR,
    valueStart,
    valueEnd,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style,
    chomping,
    indent,
    fast
  });
}
function addAliasEvent(state, anchorStart, anchorEnd) {
  state.events.push({
    type: EVENT_ID.ALIAS,
    anchorStart,
    anchorEnd
  });
}
function addPopEvent(state) {
  state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
  addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
  return {
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1
  };
}
function snapshotState(state) {
  return {
    position: state.position,
    line: state.line,
    lineStart: state.lineStart,
    lineIndent: state.lineIndent,
    firstTabInLine: state.firstTabInLine,
    eventsLength: state.events.length
  };
}
function restoreState(state, snapshot) {
  state.position = snapshot.position;
  state.line = snapshot.line;
  state.lineStart = snapshot.lineStart;
  state.lineIndent = snapshot.lineIndent;
  state.firstTabInLine = snapshot.firstTabInLine;
  state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
  YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
  return c === 10 || c === 13;
}
function isWhiteSpace(c) {
  return c === 9 || c === 32;
}
function isWsOrEol(c) {
  return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
  return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
  return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
  if (c >= 48 && c <= 57) return c - 48;
  const lc = c | 32;
  if (lc >= 97 && lc <= 102) return lc - 97 + 10;
  return -1;
}
function escapedHexLen(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  if (c === 85) return 8;
  return 0;
}
function isSimpleEscape(c) {
  return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
  if (state.input.charCodeAt(state.position) === 10) state.position++;
  else {
    state.position++;
    if (state.input.charCodeAt(state.position) === 10) state.position++;
  }
  state.line++;
  state.lineStart = state.position;
  state.lineIndent = 0;
  state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
  let lineBreaks = 0;
  let ch = state.input.charCodeAt(state.position);
  let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
  while (ch !== 0) {
    while (isWhiteSpace(ch)) {
      hasSeparation = true;
      if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
      ch = state.input.charCodeAt(++state.position);
    }
    if (allowComments && hasSeparation && ch === 35) do
      ch = state.input.charCodeAt(++state.position);
    while (!isEol(ch) && ch !== 0);
    if (!isEol(ch)) break;
    consumeLineBreak(state);
    lineBreaks++;
    hasSeparation = true;
    ch = state.input.charCodeAt(state.position);
    while (ch === 32) {
      state.lineIndent++;
      ch = state.input.charCodeAt(++state.position);
    }
  }
  return lineBreaks;
}
function testDocumentSeparator(state, position2 = state.position) {
  const ch = state.input.charCodeAt(position2);
  if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position2 + 1) && ch === state.input.charCodeAt(position2 + 2)) {
    const following = state.input.charCodeAt(position2 + 3);
    return following === 0 || isWsOrEol(following);
  }
  return false;
}
function skipByteOrderMark(state) {
  if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
    state.position++;
    state.lineStart = state.position;
  }
}
function testDocumentBoundary(state) {
  if (state.position !== state.lineStart) return false;
  if (testDocumentSeparator(state)) return true;
  if (state.input.charCodeAt(state.position) !== 65279) return false;
  const snapshot = snapshotState(state);
  skipByteOrderMark(state);
  skipSeparationSpace(state, true);
  const ch = state.input.charCodeAt(state.position);
  const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
  restoreState(state, snapshot);
  return result;
}
function skipUntilLineEnd(state) {
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
  const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
  if (match !== null) {
    state.position = start + match.index + match[0].length - 1;
    throwError(state, "the stream contains non-printable characters");
  }
}
function readTagProperty(state, props, inFlow) {
  if (state.input.charCodeAt(state.position) !== 33) return false;
  if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
  const start = state.position;
  let isVerbatim = false;
  let isNamed = false;
  let tagHandle = "!";
  let ch = state.input.charCodeAt(++state.position);
  if (ch === 60) {
    isVerbatim = true;
    ch = state.input.charCodeAt(++state.position);
  } else if (ch === 33) {
    isNamed = true;
    tagHandle = "!!";
    ch = state.input.charCodeAt(++state.position);
  }
  let suffixStart = state.position;
  let tagName;
  if (isVerbatim) {
    while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
    if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
    tagName = state.input.slice(suffixStart, state.position);
    state.position++;
  } else {
    while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
      if (ch === 33) {
        if (!isNamed) {
          tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
          if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
          isNamed = true;
          suffixStart = state.position + 1;
        } else throwError(state, "tag suffix cannot contain exclamation marks");
      }
      ch = state.input.charCodeAt(++state.position);
    }
    tagName = state.input.slice(suffixStart, state.position);
    if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
  }
  if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
  if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
  props.tagStart = start;
  props.tagEnd = state.position;
  return true;
}
function readAnchorProperty(state, props) {
  if (state.input.charCodeAt(state.position) !== 38) return false;
  if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
  props.anchorStart = start;
  props.anchorEnd = state.position;
  return true;
}
function readAlias(state, props) {
  if (state.input.charCodeAt(state.position) !== 42) return false;
  if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
  addAliasEvent(state, start, state.position);
  return true;
}
function readFlowScalarBreak(state, nodeIndent) {
  skipSeparationSpace(state, false);
  if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 39) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 39) {
      if (state.input.charCodeAt(state.position + 1) === 39) {
        simple = false;
        state.position += 2;
        continue;
      }
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 34) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 34) {
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (ch === 92) {
      simple = false;
      const escaped = state.input.charCodeAt(++state.position);
      if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
      else if (isSimpleEscape(escaped)) state.position++;
      else {
        let hexLength = escapedHexLen(escaped);
        if (hexLength === 0) throwError(state, "unknown escape sequence");
        while (hexLength-- > 0) {
          state.position++;
          if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
        }
        state.position++;
      }
    } else if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  let chomping = CHOMPING_MODE.CLIP;
  let indent = -1;
  let detectedIndent = false;
  if (ch !== 124 && ch !== 62) return false;
  const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    const current = state.input.charCodeAt(state.position);
    const digit = fromDecimalCode(current);
    if (current === 43 || current === 45) {
      if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
      chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
      state.position++;
    } else if (digit >= 0) {
      if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
      if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
      indent = parentIndent + digit - 1;
      detectedIndent = true;
      state.position++;
    } else break;
  }
  let hadWhitespace = false;
  while (isWhiteSpace(state.input.charCodeAt(state.position))) {
    hadWhitespace = true;
    state.position++;
  }
  if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
  let contentIndent = detectedIndent ? indent : -1;
  let maxLeadingIndent = 0;
  const valueStart = state.position;
  let valueEnd = state.position;
  while (state.input.charCodeAt(state.position) !== 0) {
    const linePosition = state.position;
    let column = 0;
    while (state.input.charCodeAt(linePosition + column) === 32) column++;
    const first = state.input.charCodeAt(linePosition + column);
    if (first === 0) {
      if (contentIndent >= 0) {
        if (column > contentIndent) valueEnd = linePosition + column;
      } else if (column > 0) valueEnd = linePosition + column;
      break;
    }
    if (testDocumentBoundary(state)) break;
    if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
    if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
      if (first === 9 && column < parentIndent) {
        state.position = linePosition + column;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (column >= parentIndent && column < maxLeadingIndent) {
        state.position = linePosition + column;
        throwError(state, "bad indentation of a mapping entry");
      }
    }
    if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
    const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
    if (first !== 0 && !isEol(first) && column < requiredIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    skipUntilLineEnd(state);
    valueEnd = state.position;
    if (isEol(state.input.charCodeAt(state.position))) {
      consumeLineBreak(state);
      valueEnd = state.position;
    }
  }
  checkPrintable(state, valueStart, valueEnd);
  addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
  return true;
}
function canStartPlainScalar(state, nodeContext) {
  const ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
  if (ch === 63 || ch === 45) {
    const following = state.input.charCodeAt(state.position + 1);
    if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
  }
  return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
  if (!canStartPlainScalar(state, nodeContext)) return false;
  const start = state.position;
  let end = state.position;
  let ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  let multiline = false;
  while (ch !== 0) {
    if (testDocumentBoundary(state)) break;
    if (ch === 58) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
    } else if (ch === 35) {
      if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
    } else if (inFlow && isFlowIndicator(ch)) break;
    else if (isEol(ch)) {
      const savedPosition = state.position;
      const savedLine = state.line;
      const savedLineStart = state.lineStart;
      const savedLineIndent = state.lineIndent;
      skipSeparationSpace(state, false);
      if (state.lineIndent >= nodeIndent) {
        multiline = true;
        ch = state.input.charCodeAt(state.position);
        continue;
      }
      state.position = savedPosition;
      state.line = savedLine;
      state.lineStart = savedLineStart;
      state.lineIndent = savedLineIndent;
      break;
    }
    if (!isWhiteSpace(ch)) end = state.position + 1;
    ch = state.input.charCodeAt(++state.position);
  }
  if (end === start) return false;
  checkPrintable(state, start, end);
  addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
  return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
  const startLine = state.line;
  skipSeparationSpace(state, true);
  if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  const isMapping2 = ch === 123;
  const start = state.position;
  let readNext = true;
  if (ch !== 91 && ch !== 123) return false;
  const terminator = isMapping2 ? 125 : 93;
  if (isMapping2) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    skipFlowSeparationSpace(state, nodeIndent);
    let ch2 = state.input.charCodeAt(state.position);
    if (ch2 === terminator) {
      state.position++;
      addPopEvent(state);
      return true;
    } else if (!readNext) throwError(state, "missed comma between flow collection entries");
    else if (ch2 === 44) throwError(state, "expected the node content, but found ','");
    let isPair = false;
    let isExplicitPair = false;
    if (ch2 === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
      isPair = isExplicitPair = true;
      state.position += 1;
      skipFlowSeparationSpace(state, nodeIndent);
    }
    const entryLine = state.line;
    const entryStart = snapshotState(state);
    const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
    skipFlowSeparationSpace(state, nodeIndent);
    ch2 = state.input.charCodeAt(state.position);
    if ((isMapping2 || isExplicitPair || state.line === entryLine) && ch2 === 58) {
      isPair = true;
      state.position++;
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping2) {
        insertFlowPairMappingEvent(state, entryStart);
        if (!keyWasRead) addEmptyScalarEvent(state);
      } else if (!keyWasRead) addEmptyScalarEvent(state);
      if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping2) addPopEvent(state);
    } else if (isMapping2 && isPair) {
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
    } else if (isMapping2) addEmptyScalarEvent(state);
    else if (isPair) {
      insertFlowPairMappingEvent(state, entryStart);
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
      addPopEvent(state);
    }
    ch2 = state.input.charCodeAt(state.position);
    if (ch2 === 44) {
      readNext = true;
      state.position++;
    } else readNext = false;
  }
  throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
  if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
  addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
  while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
    if (state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const entryLine = state.line;
    state.position++;
    const hadBreak = skipSeparationSpace(state, true) > 0;
    if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
    if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
    else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
    skipSeparationSpace(state, true);
    if (state.lineIndent < nodeIndent || state.position >= state.length) break;
    if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
    if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
  }
  addPopEvent(state);
  return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
  let atExplicitKey = false;
  let detected = false;
  let mappingOpened = false;
  let pendingExplicitKey = false;
  if (state.firstTabInLine !== -1) return false;
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0) {
    if (!atExplicitKey && state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const following = state.input.charCodeAt(state.position + 1);
    const entryLine = state.line;
    if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
      if (!mappingOpened) {
        addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
        mappingOpened = true;
      }
      if (ch === 63) {
        if (atExplicitKey) addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = true;
      } else if (atExplicitKey) atExplicitKey = false;
      else {
        addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = false;
      }
      state.position += 1;
      pendingExplicitKey = true;
    } else {
      if (atExplicitKey) {
        addEmptyScalarEvent(state);
        atExplicitKey = false;
      }
      const beforeKey = snapshotState(state);
      if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
      if (state.line === entryLine) {
        ch = state.input.charCodeAt(state.position);
        while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
        if (ch === 58) {
          ch = state.input.charCodeAt(++state.position);
          if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
          if (!mappingOpened) {
            state.events.splice(beforeKey.eventsLength, 0, {
              type: EVENT_ID.MAPPING,
              start: beforeKey.position,
              anchorStart: props.anchorStart,
              anchorEnd: props.anchorEnd,
              tagStart: props.tagStart,
              tagEnd: props.tagEnd,
              style: COLLECTION_STYLE.BLOCK
            });
            mappingOpened = true;
          }
          detected = true;
          atExplicitKey = false;
          pendingExplicitKey = false;
        } else if (detected) throwError(state, "expected ':' after a mapping key");
        else {
          if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
            restoreState(state, beforeKey);
            return false;
          }
          return true;
        }
      } else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
      else {
        if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
          restoreState(state, beforeKey);
          return false;
        }
        return true;
      }
    }
    if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
    if (!atExplicitKey) {
      if (pendingExplicitKey) {
        addEmptyScalarEvent(state);
        pendingExplicitKey = false;
      }
    }
    skipSeparationSpace(state, true);
    ch = state.input.charCodeAt(state.position);
    if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
    else if (state.lineIndent < nodeIndent) break;
  }
  if (!detected) return false;
  if (atExplicitKey) addEmptyScalarEvent(state);
  if (mappingOpened) addPopEvent(state);
  return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
  if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
  state.depth++;
  let indentStatus = 1;
  let atNewLine = false;
  let hasContent = false;
  let propertyStart = null;
  const props = emptyProperties();
  let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
  let allowBlockCollections = allowBlockScalars;
  const allowBlockStyles = allowBlockScalars;
  if (allowToSeek && skipSeparationSpace(state, true)) {
    atNewLine = true;
    if (state.lineIndent > parentIndent) indentStatus = 1;
    else if (state.lineIndent === parentIndent) indentStatus = 0;
    else indentStatus = -1;
  }
  if (indentStatus === 1) while (true) {
    const ch = state.input.charCodeAt(state.position);
    const propertyState = snapshotState(state);
    if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
    if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
      const fallbackState = snapshotState(state);
      const flowIndent = parentIndent + 1;
      if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
        state.depth--;
        return true;
      }
      restoreState(state, fallbackState);
    }
    if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
    if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
    if (propertyStart === null) propertyStart = propertyState;
    if (skipSeparationSpace(state, true)) {
      atNewLine = true;
      allowBlockCollections = allowBlockStyles;
      if (state.lineIndent > parentIndent) indentStatus = 1;
      else if (state.lineIndent === parentIndent) indentStatus = 0;
      else indentStatus = -1;
    } else allowBlockCollections = false;
  }
  if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
  if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
    const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
    const blockIndent = state.position - state.lineStart;
    if (indentStatus === 1) {
      if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
      else {
        const ch = state.input.charCodeAt(state.position);
        if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
          const fallbackState = snapshotState(state);
          const propertyIndent = propertyStart.position - propertyStart.lineStart;
          restoreState(state, propertyStart);
          if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
          else restoreState(state, fallbackState);
        }
        if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
      }
    } else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
  }
  allowBlockScalars = allowBlockScalars && !hasContent;
  if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
    addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
    hasContent = true;
  }
  state.depth--;
  return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
  if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
  state.position++;
  const nameStart = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
  const name = state.input.slice(nameStart, state.position);
  const args = [];
  if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
  while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
    while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
    if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
    const start = state.position;
    while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
    args.push(state.input.slice(start, state.position));
  }
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  if (name === "YAML") {
    if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
    if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
    const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
    if (match === null) throwError(state, "ill-formed argument of the YAML directive");
    if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
    state.directives.push({
      kind: "yaml",
      version: args[0]
    });
  } else if (name === "TAG") {
    if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
    const [handle, prefix] = args;
    if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
    if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
    if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
    state.tagHandlers[handle] = prefix;
    state.directives.push({
      kind: "tag",
      handle,
      prefix
    });
  }
  return true;
}
function readDocument(state) {
  state.directives = [];
  state.tagHandlers = /* @__PURE__ */ Object.create(null);
  let hasDirectives = false;
  skipSeparationSpace(state, true);
  while (readDirective(state)) {
    hasDirectives = true;
    skipSeparationSpace(state, true);
  }
  let explicitStart = false;
  let explicitEnd = false;
  let allowCompact = true;
  if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
    explicitStart = true;
    const markerLine = state.line;
    state.position += 3;
    skipSeparationSpace(state, true);
    allowCompact = state.line > markerLine;
  } else if (hasDirectives) throwError(state, "directives end mark is expected");
  const documentEventIndex = state.events.length;
  if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
    state.position += 3;
    skipSeparationSpace(state, true);
    return;
  }
  addDocumentEvent(state, explicitStart, false);
  if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
  skipSeparationSpace(state, true);
  if (state.position === state.lineStart && testDocumentSeparator(state)) {
    explicitEnd = state.input.charCodeAt(state.position) === 46;
    if (explicitEnd) {
      const markerLine = state.line;
      state.position += 3;
      skipSeparationSpace(state, true);
      if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
    }
  }
  const documentEvent = state.events[documentEventIndex];
  if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
  addPopEvent(state);
  if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
function parseEvents(input, options) {
  const length = input.length;
  const state = {
    ...DEFAULT_PARSER_OPTIONS,
    ...options,
    input: `${input}\0`,
    length,
    position: 0,
    line: 0,
    lineStart: 0,
    lineIndent: 0,
    firstTabInLine: -1,
    depth: 0,
    directives: [],
    tagHandlers: /* @__PURE__ */ Object.create(null),
    events: []
  };
  const nullpos = input.indexOf("\0");
  if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
  while (state.position < state.length) {
    skipByteOrderMark(state);
    skipSeparationSpace(state, true);
    if (state.position >= state.length) break;
    const documentStart = state.position;
    readDocument(state);
    if (state.position === documentStart)
      throwError(state, "can not read a document");
  }
  return state.events;
}
var DEFAULT_LOAD_OPTIONS = {
  ...DEFAULT_PARSER_OPTIONS,
  ...DEFAULT_CONSTRUCTOR_OPTIONS
};
function hasBit(mask, bit) {
  return (mask & 1 << bit) !== 0;
}
var DEFAULT_SCALAR_STYLE_RULES = {
  applyQuoteFlowKeysOption,
  doubleQuoteForInvisibles,
  doubleQuoteWhitespaceOnly,
  applyForceQuotesOption,
  tryLongOrMultilineAsBlock,
  quoteInvalidPlain,
  fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
  if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
  return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
  if (!layout.presenterOptions.quoteFlowKeys) return;
  if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
  layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
  if (!layout.presenterOptions.forceQuotes) return;
  if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
  if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
  layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
  if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
  const value = layout.node.value;
  const multiline = value.indexOf("\n") !== -1;
  if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
    if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
    return;
  }
  const w = layout.presenterOptions.lineWidth;
  if (w === -1) {
    if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
    return;
  }
  const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
  let position2 = 0;
  let shouldFold = false;
  while (position2 <= value.length) {
    let lineEnd = value.length;
    const nextLineBreak = value.indexOf("\n", position2);
    if (nextLineBreak !== -1) lineEnd = nextLineBreak;
    const line = value.slice(position2, lineEnd);
    if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
    if (nextLineBreak === -1) break;
    position2 = nextLineBreak + 1;
  }
  if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
  else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
  if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var DEFAULT_PRESENTER_OPTIONS = {
  indent: 2,
  seqNoIndent: false,
  seqInlineFirst: true,
  lineWidth: 80,
  flowBracketPadding: false,
  flowSkipCommaSpace: false,
  flowSkipColonSpace: false,
  quoteFlowKeys: false,
  quoteStyle: "single",
  forceQuotes: false,
  scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
  tagBeforeAnchor: false
};
var DEFAULT_DUMP_OPTIONS = {
  ...DEFAULT_PRESENTER_OPTIONS,
  schema: DUMP_SCHEMA,
  skipInvalid: false,
  noRefs: false,
  flowLevel: -1,
  sortKeys: false,
  transform: () => {
  }
};
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
var EVENT_MAPPING = EVENT_ID.MAPPING;
var EVENT_SCALAR = EVENT_ID.SCALAR;
var EVENT_ALIAS = EVENT_ID.ALIAS;
var EVENT_POP = EVENT_ID.POP;
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;

// src/core/config/line-index.ts
function lineIndex(text4) {
  const starts = [0];
  for (let i = text4.indexOf("\n"); i >= 0; i = text4.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  };
}

// src/core/config/parse-yaml.ts
var MAX_DEPTH = 64;
function parseYamlEvents(text4, file) {
  if (isBlank(text4)) {
    return fail({
      severity: "error",
      code: "empty-file",
      file,
      line: 1,
      column: 1,
      message: "the file is empty",
      hint: "start it with `version: 1` and a `nodes:` mapping (see the README)"
    });
  }
  try {
    return { ok: true, events: parseEvents(text4, { filename: file, maxDepth: MAX_DEPTH }) };
  } catch (error) {
    return fail(yamlErrorDiagnostic(error, file));
  }
}
function yamlErrorDiagnostic(error, file) {
  if (error instanceof YAMLException) {
    const mark = error.mark;
    return {
      severity: "error",
      code: "yaml-syntax",
      file,
      line: mark ? mark.line + 1 : void 0,
      column: mark ? mark.column + 1 : void 0,
      message: `YAML: ${error.reason}`,
      hint: "fix the YAML syntax at this position"
    };
  }
  return {
    severity: "error",
    code: "yaml-syntax",
    file,
    message: `YAML could not be read: ${error instanceof Error ? error.message : String(error)}`,
    hint: "the file is not a YAML document blastradius can load"
  };
}
function fail(diagnostic) {
  return { ok: false, diagnostic };
}
function isBlank(text4) {
  for (let i = 0; i < text4.length; i++) {
    const c = text4.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (c !== 35) return false;
    const newline = text4.indexOf("\n", i);
    if (newline < 0) return true;
    i = newline;
  }
  return true;
}

// src/core/config/yaml-documents.ts
function declaresKinds(text4) {
  return /^apiVersion\s*:/m.test(text4) && /^kind\s*:/m.test(text4);
}
var SEP = "\0";
var MAX_LOCATED = 4;
var DEEP = "";
var MAX_EXPANDED_NODES = 1e6;
function withinExpandedSize(value, limit) {
  const sizes = /* @__PURE__ */ new Map();
  const open = /* @__PURE__ */ new Set();
  const size = (v) => {
    if (v === null || typeof v !== "object") return 1;
    const known = sizes.get(v);
    if (known !== void 0) return known;
    if (open.has(v)) return Number.POSITIVE_INFINITY;
    open.add(v);
    let total = 1;
    const children = Array.isArray(v) ? v : Object.values(v);
    if (!Array.isArray(v)) total += children.length;
    for (const child of children) {
      total += size(child);
      if (total > limit) break;
    }
    open.delete(v);
    sizes.set(v, total);
    return total;
  };
  try {
    return size(value) <= limit;
  } catch {
    return false;
  }
}
function parseDocuments(text4, file, options = {}) {
  let events;
  let values2;
  try {
    events = parseEvents(text4, { filename: file, maxDepth: MAX_DEPTH });
    values2 = constructFromEvents(events, { source: text4, filename: file, maxAliases: 1e3 });
  } catch (error) {
    return { ok: false, diagnostic: yamlErrorDiagnostic(error, file) };
  }
  const limit = options.maxExpanded;
  const bomb = limit === void 0 ? -1 : values2.findIndex((value) => !withinExpandedSize(value, limit));
  if (bomb >= 0) {
    return {
      ok: false,
      diagnostic: {
        severity: "error",
        code: "yaml-aliases",
        file,
        message: `YAML aliases expand beyond ${limit.toLocaleString("en-US")} values in document ${bomb + 1}`,
        hint: "write the values out instead of repeating them through anchors and aliases"
      }
    };
  }
  const position2 = lineIndex(text4);
  const documents = [];
  let offsets = /* @__PURE__ */ new Map();
  let start = -1;
  const stack = [];
  const slot = () => {
    const parent = stack[stack.length - 1];
    if (!parent) return "";
    if (parent.map) {
      const key = parent.key;
      parent.key = void 0;
      return key === void 0 || key === DEEP ? void 0 : `${parent.path}${SEP}${key}`;
    }
    const index2 = parent.index++;
    return stack.length > MAX_LOCATED ? void 0 : `${parent.path}${SEP}${index2}`;
  };
  const record2 = (path, offset) => {
    if (start < 0) start = offset;
    if (offset >= 0 && !offsets.has(path)) offsets.set(path, offset);
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        offsets = /* @__PURE__ */ new Map();
        start = -1;
        stack.length = 0;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const path = slot() ?? "";
        record2(path, event.start);
        stack.push({ map: event.type === EVENT_ID.MAPPING, path, index: 0 });
        break;
      }
      case EVENT_ID.SCALAR: {
        const parent = stack[stack.length - 1];
        if (parent?.map && parent.key === void 0) {
          parent.key = stack.length > MAX_LOCATED ? DEEP : getScalarValue(text4, event);
          break;
        }
        const path = slot();
        if (path !== void 0) record2(path, event.valueStart);
        break;
      }
      case EVENT_ID.ALIAS:
        slot();
        break;
      case EVENT_ID.POP:
        if (stack.length > 0) stack.pop();
        else {
          const mine = offsets;
          const first = start;
          documents.push({
            value: values2[documents.length],
            line: first >= 0 ? position2(first).line : 1,
            lineOf: (path) => {
              const offset = mine.get(path.length === 0 ? "" : `${SEP}${path.join(SEP)}`);
              return offset === void 0 ? void 0 : position2(offset).line;
            }
          });
        }
        break;
    }
  }
  return { ok: true, documents };
}

// src/core/config/backstage/read-catalog.ts
var isRaw = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var str = (v) => typeof v === "string" && v.trim() !== "" ? v.trim() : void 0;
var METADATA_FIELDS = /* @__PURE__ */ new Set([
  "name",
  "namespace",
  "title",
  "description",
  "labels",
  "annotations",
  "tags",
  "links",
  "uid",
  "etag",
  "generation"
]);
var TOP_FIELDS = /* @__PURE__ */ new Set(["apiVersion", "kind", "metadata", "spec", "relations", "status"]);
var RELATIONS = {
  dependsOn: { via: "depends-on", outward: true, many: true },
  dependencyOf: { via: "depends-on", outward: false, many: true },
  consumesApis: { via: "consumes-api", outward: true, kind: "api", many: true },
  // An API works only while the component providing it does: the API depends on it.
  providesApis: { via: "provided-by", outward: false, kind: "api", many: true },
  // A whole breaks when a part does: the parent, system or domain depends on this entity.
  subcomponentOf: { via: "has-part", outward: false, kind: "component", many: false },
  system: { via: "has-part", outward: false, kind: "system", many: false },
  domain: { via: "has-part", outward: false, kind: "domain", many: false },
  subdomainOf: { via: "has-part", outward: false, kind: "domain", many: false },
  partOf: { via: "has-part", outward: false, kind: "system", many: true }
};
var ORG_FIELDS = {
  parent: { kind: "group", many: false },
  children: { kind: "group", many: true },
  members: { kind: "user", many: true },
  memberOf: { kind: "group", many: true }
};
var SPEC_FIELDS = {
  component: [
    "type",
    "lifecycle",
    "owner",
    "system",
    "subcomponentOf",
    "providesApis",
    "consumesApis",
    "dependsOn",
    "dependencyOf"
  ],
  api: ["type", "lifecycle", "owner", "system", "definition"],
  resource: ["type", "lifecycle", "owner", "system", "dependsOn", "dependencyOf"],
  system: ["type", "owner", "domain"],
  domain: ["type", "owner", "subdomainOf"],
  group: ["type", "profile", "parent", "children", "members"],
  user: ["profile", "memberOf"],
  location: ["type", "target", "targets", "presence"]
};
var COMMON_FIELDS = ["type", "lifecycle", "owner", "system", "dependsOn", "dependencyOf"];
function readCatalog(file, text4) {
  const out = {
    nodes: [],
    owners: [],
    relations: [],
    orgLinks: [],
    targets: [],
    diagnostics: []
  };
  const parsed2 = parseDocuments(text4, file);
  if (!parsed2.ok) {
    out.diagnostics.push(parsed2.diagnostic);
    return out;
  }
  const unknown = /* @__PURE__ */ new Map();
  const once = (key, make) => {
    const seen = unknown.get(key);
    if (seen) seen.count++;
    else unknown.set(key, { diagnostic: make(), count: 1 });
  };
  for (const document of parsed2.documents) {
    if (document.value === null || document.value === void 0) continue;
    readEntity(file, document, out, once);
  }
  for (const { diagnostic, count: count2 } of unknown.values()) {
    out.diagnostics.push(
      count2 > 1 ? { ...diagnostic, message: `${diagnostic.message} (${count2} times)` } : diagnostic
    );
  }
  return out;
}
function readEntity(file, document, out, once) {
  const warn = (line, code2, message, hint) => out.diagnostics.push({ severity: "warning", code: code2, file, line, message, hint });
  const entity = document.value;
  if (!isRaw(entity)) {
    warn(
      document.line,
      "catalog-not-entity",
      "this document is not a Backstage entity (a mapping with apiVersion, kind and metadata)",
      "fix it, or move it out of the catalog file"
    );
    return;
  }
  const kindWritten = str(entity.kind);
  const metadata = record(entity.metadata);
  const name = str(metadata.name);
  const spec = record(entity.spec);
  if (!kindWritten || !name || !str(entity.apiVersion)) {
    warn(
      document.line,
      "catalog-invalid-entity",
      `entity without ${!str(entity.apiVersion) ? "apiVersion" : !kindWritten ? "kind" : "metadata.name"}; skipped`,
      "every entity needs apiVersion, kind and metadata.name"
    );
    return;
  }
  const kind = kindWritten.toLowerCase();
  const namespace = str(metadata.namespace);
  const ref = parseEntityRef(`${kind}:${namespace ? `${namespace}/` : ""}${name}`);
  if (!ref) {
    warn(
      document.lineOf(["metadata", "name"]),
      "catalog-invalid-entity",
      `"${name}" is not a valid entity name; skipped`,
      "entity names are letters, digits and - _ . without / or :"
    );
    return;
  }
  const id = entityId(ref);
  const lineOf2 = (...path) => document.lineOf(path) ?? document.line;
  if (kind === "location") {
    const targets = [
      ...str(spec.target) ? [{ target: str(spec.target), line: lineOf2("spec", "target") }] : [],
      ...(Array.isArray(spec.targets) ? spec.targets : []).flatMap(
        (t, i) => str(t) ? [{ target: str(t), line: lineOf2("spec", "targets", i) }] : []
      )
    ];
    for (const t of targets) out.targets.push({ target: t.target, file, line: t.line });
    return;
  }
  const known = SPEC_FIELDS[kind];
  if (!known) {
    once(`kind:${kindWritten}`, () => ({
      severity: "warning",
      code: "catalog-unknown-kind",
      file,
      line: document.line,
      message: `kind "${kindWritten}" is not a Backstage kind blastradius knows; "${id}" is read as a node with its owner, system and dependsOn, and its other fields kept as data`,
      hint: "nothing to do if that is what you want; declare it in deps.yaml to add match rules or edges"
    }));
  }
  const readable = new Set(known ?? COMMON_FIELDS);
  const extra = {};
  for (const [key, value] of Object.entries(spec)) {
    if (readable.has(key) || !known && key in RELATIONS) continue;
    extra[`spec.${key}`] = value;
    if (known) {
      once(`field:${kind}:${key}`, () => ({
        severity: "warning",
        code: "catalog-unknown-field",
        file,
        line: lineOf2("spec", key),
        message: `spec.${key} is not a field of a Backstage ${kindWritten}; kept as data of "${id}"${key in RELATIONS || /api|depend/i.test(key) ? ", not as an edge" : ""}`,
        hint: key === "apiConsumedBy" ? "Backstage has no apiConsumedBy: write consumesApis on the consuming component instead" : "check the spelling against the Backstage descriptor format"
      }));
    }
  }
  for (const [key, value] of Object.entries(entity)) {
    if (!TOP_FIELDS.has(key)) extra[key] = value;
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (!METADATA_FIELDS.has(key)) extra[`metadata.${key}`] = value;
  }
  const annotations = stringRecord(metadata.annotations);
  if (kind === "group" || kind === "user") {
    readOwner(file, lineOf2, id, ref, kind, spec, metadata, annotations, out);
    return;
  }
  const ownerWritten = str(spec.owner);
  const ownerRef = ownerWritten ? parseEntityRef(ownerWritten, { kind: "group", namespace: ref.namespace }) : void 0;
  const links = Array.isArray(metadata.links) ? metadata.links.filter(isRaw) : [];
  const url = (l) => typeof l.url === "string" && /^https?:\/\/\S+$/.test(l.url) ? l.url : void 0;
  const runbook = links.find((l) => /runbook/i.test(`${l.title ?? ""} ${l.type ?? ""}`) && url(l));
  const docs = links.find((l) => l !== runbook && url(l));
  const catalog = {
    ref: refKey(ref),
    kind: kindWritten,
    ...str(metadata.title) ? { title: str(metadata.title) } : {},
    ...str(spec.type) ? { type: str(spec.type) } : {},
    ...str(spec.lifecycle) ? { lifecycle: str(spec.lifecycle) } : {},
    ...Array.isArray(metadata.tags) ? { tags: metadata.tags.map(String) } : {},
    ...Object.keys(annotations).length > 0 ? { annotations } : {},
    ...Object.keys(extra).length > 0 ? { extra } : {}
  };
  const description = str(metadata.description)?.split("\n")[0] ?? str(metadata.title);
  const node3 = {
    id,
    kind,
    ...description ? { description: description.slice(0, 4e3) } : {},
    ...docs ? { docs: url(docs) } : {},
    ...runbook ? { runbook: url(runbook) } : {},
    match: { paths: sourceRules(annotations), terraform: [], kubernetes: [] },
    dependsOn: [],
    declaredAt: { file, line: lineOf2("metadata", "name") },
    catalog
  };
  out.nodes.push({
    node: node3,
    ...ownerRef && ownerWritten ? { owner: { ref: ownerRef, written: ownerWritten, line: lineOf2("spec", "owner") } } : {}
  });
  if (ownerWritten && !ownerRef) {
    warn(
      lineOf2("spec", "owner"),
      "catalog-invalid-ref",
      `spec.owner "${ownerWritten}" of "${id}" is not an entity reference; "${id}" has no owner`,
      "write group:name or user:name"
    );
  }
  for (const [field, shape] of Object.entries(RELATIONS)) {
    if (!(field in spec) || known && !known.includes(field)) continue;
    for (const written of refsOf(
      spec,
      field,
      { kind: shape.kind, namespace: ref.namespace },
      lineOf2
    ))
      out.relations.push({
        entity: id,
        field: `spec.${field}`,
        ...written,
        outward: shape.outward,
        via: shape.via,
        file,
        entityAt: node3.declaredAt
      });
  }
}
function readOwner(file, lineOf2, id, ref, kind, spec, metadata, annotations, out) {
  const profile = record(spec.profile);
  const slug = kind === "group" ? annotations["github.com/team-slug"] : annotations["github.com/user-login"];
  const github = slug && GITHUB_HANDLE.test(`@${slug}`) ? `@${slug}` : void 0;
  const email = str(profile.email);
  const title = str(profile.displayName) ?? str(metadata.title);
  out.owners.push({
    id,
    ...github ? { github } : {},
    ...email && EMAIL.test(email) ? { email } : {},
    declaredAt: { file, line: lineOf2("metadata", "name") },
    catalog: title ? { title } : {}
  });
  for (const [field, shape] of Object.entries(ORG_FIELDS)) {
    if (!(field in spec)) continue;
    for (const written of refsOf(
      spec,
      field,
      { kind: shape.kind, namespace: ref.namespace },
      lineOf2
    ))
      out.orgLinks.push({ owner: id, field: `spec.${field}`, ...written, file });
  }
}
var GITHUB_HANDLE = new RegExp(GITHUB_HANDLE_PATTERN);
var EMAIL = new RegExp(EMAIL_PATTERN);
var GITHUB_TREE = /^url:https:\/\/github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?(?:\/(?:tree|blob)\/[^/]+(?:\/(.*?))?)?\/?$/;
var PROJECT_SLUG = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;
function sourceRules(annotations) {
  const location = GITHUB_TREE.exec(annotations["backstage.io/source-location"] ?? "");
  if (location) {
    const repo = `${location[1]}/${location[2]}`.toLowerCase();
    const folder = (location[3] ?? "").replace(/\/+$/, "");
    const glob2 = folder === "" ? "**" : `${escapeGlob(folder)}/**`;
    return [{ repo, glob: glob2, source: `${repo}:${glob2}`, inferred: true }];
  }
  const slug = PROJECT_SLUG.exec(annotations["github.com/project-slug"] ?? "");
  if (slug) {
    const repo = `${slug[1]}/${slug[2]}`.toLowerCase();
    return [{ repo, glob: "**", source: `${repo}:**`, inferred: true }];
  }
  return [];
}
function refsOf(spec, field, defaults, lineOf2) {
  const raw = spec[field];
  return list(raw).map((value, i) => {
    const target = parseEntityRef(value, defaults);
    return {
      written: describe(value),
      ...target ? { target } : {},
      line: Array.isArray(raw) ? lineOf2("spec", field, i) : lineOf2("spec", field)
    };
  });
}
function describe(value) {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return "(a list)";
  if (value !== null && typeof value === "object") return "(a mapping)";
  return String(value);
}
function stringRecord(value) {
  const out = {};
  if (!isRaw(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean")
      out[k] = String(v);
  }
  return out;
}

// src/core/config/compile-schema.ts
function readContext(text4, events, sinks = /* @__PURE__ */ new Map()) {
  let anchors = false;
  let secondDocument = -1;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (!event || event.type === EVENT_ID.POP) continue;
    if (event.type === EVENT_ID.DOCUMENT) {
      if (i > 0 && secondDocument < 0) secondDocument = i;
    } else if (event.anchorStart >= 0) anchors = true;
  }
  return {
    text: text4,
    events,
    i: 0,
    issues: [],
    budget: text4.length + 1e3,
    anchors: /* @__PURE__ */ new Map(),
    reading: /* @__PURE__ */ new Set(),
    sinks,
    release: !anchors,
    released: 0,
    stack: [],
    secondDocument
  };
}
var INVALID = /* @__PURE__ */ Symbol("invalid");
function toKeyPath(ctx, key) {
  return key === null ? [...ctx.stack] : [...ctx.stack, key];
}
var NULL = /^(?:~|null|Null|NULL|)$/;
var BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
var INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
var FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
var PLAIN2 = 1;
function resolveScalar(ctx, event) {
  const text4 = getScalarValue(ctx.text, event);
  if (event.tagStart >= 0) {
    const tag = ctx.text.slice(event.tagStart, event.tagEnd);
    if (tag === "!!str" || tag === "!") return { type: "string", value: text4 };
    return void 0;
  }
  if (event.style !== PLAIN2) return { type: "string", value: text4 };
  const first = text4.charCodeAt(0);
  if (first >= 97 && first <= 122 && first !== 102 && first !== 110 && first !== 116) {
    return { type: "string", value: text4 };
  }
  if (NULL.test(text4)) return { type: "null", value: null };
  if (BOOL.test(text4)) return { type: "boolean", value: text4[0] === "t" || text4[0] === "T" };
  if (INT.test(text4)) {
    const value = text4.startsWith("0o") ? Number.parseInt(text4.slice(2), 8) : text4.startsWith("0x") ? Number.parseInt(text4.slice(2), 16) : Number(text4);
    return { type: "integer", value };
  }
  if (FLOAT.test(text4)) {
    const lower = text4.toLowerCase();
    const value = lower.endsWith("inf") ? text4.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY : lower === ".nan" ? Number.NaN : Number(text4);
    return { type: Number.isInteger(value) ? "integer" : "number", value };
  }
  return { type: "string", value: text4 };
}
function describeScalar(scalar) {
  switch (scalar.type) {
    case "string":
      return scalar.value === "" ? "an empty string" : `the string ${JSON.stringify(truncate(scalar.value))}`;
    case "integer":
    case "number":
      return `the number ${scalar.value}`;
    case "boolean":
      return `${scalar.value}`;
    case "null":
      return "nothing (null)";
  }
}
function truncate(value) {
  return value.length > 60 ? `${value.slice(0, 57)}\u2026` : value;
}
function offsetOf(event) {
  if (!event) return -1;
  if (event.type === EVENT_ID.SCALAR)
    return event.valueStart >= 0 ? event.valueStart : event.tagStart;
  if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) return event.start;
  if (event.type === EVENT_ID.ALIAS) return event.anchorStart - 1;
  return -1;
}
function skip(ctx) {
  let depth = 0;
  do {
    const event = ctx.events[ctx.i];
    if (!event) return;
    if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) {
      remember(ctx, event);
      depth++;
    } else if (event.type === EVENT_ID.POP) depth--;
    else if (event.type === EVENT_ID.SCALAR) remember(ctx, event);
    ctx.i++;
  } while (depth > 0);
}
function remember(ctx, event) {
  if ("anchorStart" in event && event.anchorStart >= 0 && event.type !== EVENT_ID.ALIAS) {
    ctx.anchors.set(ctx.text.slice(event.anchorStart, event.anchorEnd), ctx.i);
  }
}
function node2(read2) {
  return (ctx, key) => {
    ctx.budget--;
    const event = ctx.events[ctx.i];
    if (event?.type !== EVENT_ID.ALIAS) {
      if (event && "anchorStart" in event && event.anchorStart >= 0) {
        const at3 = ctx.i;
        remember(ctx, event);
        ctx.reading.add(at3);
        const value2 = read2(ctx, key);
        ctx.reading.delete(at3);
        return value2;
      }
      return read2(ctx, key);
    }
    ctx.i++;
    const name = ctx.text.slice(event.anchorStart, event.anchorEnd);
    const target = ctx.anchors.get(name);
    if (target === void 0 || ctx.reading.has(target)) {
      ctx.issues.push({
        path: toKeyPath(ctx, key),
        offset: event.anchorStart - 1,
        code: "yaml-syntax",
        message: target === void 0 ? `YAML: unknown alias *${name}` : `YAML: the alias *${name} refers to the node that contains it`
      });
      return INVALID;
    }
    const resume = ctx.i;
    ctx.i = target;
    const value = read2(ctx, key);
    ctx.i = resume;
    return value;
  };
}
var TYPE_NAMES = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  integer: "a whole number",
  boolean: "true or false"
};
function expectedOf(schema) {
  if (schema.anyOf) return schema.anyOf.map(expectedOf).join(" or ");
  if (schema.const !== void 0) return JSON.stringify(schema.const);
  if (schema.type === "integer" && schema.minimum !== void 0 && schema.maximum !== void 0) {
    return `a whole number from ${schema.minimum} to ${schema.maximum}`;
  }
  return TYPE_NAMES[schema.type ?? ""] ?? "a value";
}
function mismatch(schema, ctx, key, scalar) {
  const event = ctx.events[ctx.i];
  let got = "nothing";
  if (scalar) got = describeScalar(scalar);
  else if (event?.type === EVENT_ID.SEQUENCE) got = "a list";
  else if (event?.type === EVENT_ID.MAPPING) got = "a mapping";
  ctx.issues.push({
    path: toKeyPath(ctx, key),
    offset: offsetOf(event),
    message: `expected ${expectedOf(schema)}, got ${got}`
  });
  skip(ctx);
  return INVALID;
}
function mismatchOrTag(schema, ctx, key) {
  if (ctx.events[ctx.i]?.type !== EVENT_ID.SCALAR) return mismatch(schema, ctx, key);
  const scalar = scalarAt(ctx, key);
  if (scalar) return mismatch(schema, ctx, key, scalar);
  ctx.i++;
  return INVALID;
}
function scalarAt(ctx, key) {
  const event = ctx.events[ctx.i];
  const scalar = resolveScalar(ctx, event);
  if (!scalar) {
    ctx.issues.push({
      path: toKeyPath(ctx, key),
      offset: event.tagStart,
      code: "yaml-syntax",
      message: `YAML: the tag ${ctx.text.slice(event.tagStart, event.tagEnd)} is not supported`,
      hint: "remove the tag; deps.yaml holds plain strings, numbers, lists and mappings"
    });
  }
  return scalar;
}
function compileSchema(schema) {
  if (schema.anyOf) return compileAnyOf(schema);
  switch (schema.type) {
    case "object":
      return compileObject(schema);
    case "array":
      return compileArray(schema);
    case "string":
      return compileString(schema);
    case "integer":
      return compileInteger(schema);
    case "boolean":
      return compileBoolean(schema);
    default:
      return node2((ctx) => {
        skip(ctx);
        return INVALID;
      });
  }
}
function compileAnyOf(schema) {
  const branches = (schema.anyOf ?? []).map((branch) => ({
    type: branch.type,
    read: compileSchema(branch)
  }));
  return (ctx, key) => {
    let event = ctx.events[ctx.i];
    if (event?.type === EVENT_ID.ALIAS) {
      const target = ctx.anchors.get(ctx.text.slice(event.anchorStart, event.anchorEnd));
      event = target === void 0 ? event : ctx.events[target];
    }
    const wanted = event?.type === EVENT_ID.MAPPING ? "object" : event?.type === EVENT_ID.SEQUENCE ? "array" : "string";
    const branch = branches.find((b) => b.type === wanted);
    if (branch) return branch.read(ctx, key);
    return node2((c, k) => mismatch(schema, c, k))(ctx, key);
  };
}
function scalarOf(schema, ctx, key) {
  if (ctx.events[ctx.i]?.type !== EVENT_ID.SCALAR) return mismatch(schema, ctx, key);
  const scalar = scalarAt(ctx, key);
  if (scalar) return scalar;
  ctx.i++;
  return INVALID;
}
function compileString(schema) {
  const pattern = schema.pattern ? new RegExp(schema.pattern) : void 0;
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  const allowed = schema.enum ? new Set(schema.enum) : void 0;
  return node2((ctx, key) => {
    const event = ctx.events[ctx.i];
    const scalar = scalarOf(schema, ctx, key);
    if (scalar === INVALID) return INVALID;
    if (scalar.type !== "string") return mismatch(schema, ctx, key, scalar);
    ctx.i++;
    const value = scalar.value;
    let message;
    if (value.length < min) message = "must not be empty";
    else if (value.length > max)
      message = `is ${value.length} characters long; at most ${max} are allowed`;
    else if (pattern && !pattern.test(value)) {
      message = `${describeScalar(scalar)} does not have the expected form (${schema.pattern})`;
    } else if (allowed && !allowed.has(value)) {
      const suggestion = closest(value, allowed);
      ctx.issues.push({
        path: toKeyPath(ctx, key),
        offset: offsetOf(event),
        message: `${describeScalar(scalar)} is not one of ${[...allowed].join(", ")}`,
        ...suggestion ? { hint: `did you mean "${suggestion}"?` } : {}
      });
      return INVALID;
    }
    if (message === void 0) return value;
    ctx.issues.push({ path: toKeyPath(ctx, key), offset: offsetOf(event), message });
    return INVALID;
  });
}
function compileInteger(schema) {
  return node2((ctx, key) => {
    const scalar = scalarOf(schema, ctx, key);
    if (scalar === INVALID) return INVALID;
    const value = scalar.value;
    const ok = scalar.type === "integer" && typeof value === "number" && (schema.const === void 0 || value === schema.const) && (schema.minimum === void 0 || value >= schema.minimum) && (schema.maximum === void 0 || value <= schema.maximum);
    if (!ok) return mismatch(schema, ctx, key, scalar);
    ctx.i++;
    return value;
  });
}
function compileBoolean(schema) {
  return node2((ctx, key) => {
    const scalar = scalarOf(schema, ctx, key);
    if (scalar === INVALID) return INVALID;
    if (typeof scalar.value !== "boolean") return mismatch(schema, ctx, key, scalar);
    ctx.i++;
    return scalar.value;
  });
}
function compileArray(schema) {
  const item = schema.items ? compileSchema(schema.items) : void 0;
  return node2((ctx, key) => {
    const event = ctx.events[ctx.i];
    if (event?.type !== EVENT_ID.SEQUENCE) {
      return mismatchOrTag(schema, ctx, key);
    }
    ctx.i++;
    if (key !== null) ctx.stack.push(key);
    const values2 = [];
    for (let index2 = 0; ctx.events[ctx.i] && ctx.events[ctx.i]?.type !== EVENT_ID.POP; index2++) {
      if (ctx.budget <= 0) break;
      if (!item) {
        skip(ctx);
        continue;
      }
      const value = item(ctx, index2);
      if (value !== INVALID) values2.push(value);
    }
    if (key !== null) ctx.stack.pop();
    if (ctx.budget <= 0) return INVALID;
    ctx.i++;
    return values2;
  });
}
function compileObject(schema) {
  const names2 = Object.keys(schema.properties ?? {});
  const readers = Object.values(schema.properties ?? {}).map((sub) => compileSchema(sub));
  const required = schema.required ?? [];
  const extra = schema.additionalProperties ? compileSchema(schema.additionalProperties) : void 0;
  const namePattern = schema.propertyNames ? new RegExp(schema.propertyNames.pattern) : void 0;
  const nameMax = schema.propertyNames?.maxLength ?? Number.POSITIVE_INFINITY;
  const reserved = new Set(schema.propertyNames?.not?.enum ?? []);
  const allowed = names2;
  const blank = Object.fromEntries(names2.map((name) => [name, void 0]));
  const requiredMask = required.reduce((mask, name) => mask | 1 << names2.indexOf(name), 0);
  return node2((ctx, ownKey) => {
    const event = ctx.events[ctx.i];
    if (event?.type !== EVENT_ID.MAPPING) {
      return mismatchOrTag(schema, ctx, ownKey);
    }
    const start = event.start;
    ctx.i++;
    if (ownKey !== null) ctx.stack.push(ownKey);
    const sink = ctx.sinks.get(schema);
    const result = { ...blank };
    let seenMask = 0;
    const seen = extra ? /* @__PURE__ */ new Set() : void 0;
    while (ctx.events[ctx.i] && ctx.events[ctx.i]?.type !== EVENT_ID.POP) {
      if (ctx.budget <= 0) break;
      const keyEvent = ctx.events[ctx.i];
      const keyOffset = offsetOf(keyEvent);
      if (keyEvent?.type !== EVENT_ID.SCALAR) {
        ctx.issues.push({
          path: toKeyPath(ctx, null),
          offset: keyOffset,
          message: "a key must be plain text, not a list or a mapping"
        });
        skip(ctx);
        skip(ctx);
        continue;
      }
      const key = getScalarValue(ctx.text, keyEvent);
      ctx.i++;
      const p = names2.indexOf(key);
      const bit = p < 0 ? 0 : 1 << p;
      if (bit !== 0 ? (seenMask & bit) !== 0 : seen?.has(key) === true) {
        ctx.issues.push({
          path: toKeyPath(ctx, key),
          offset: keyOffset,
          code: "duplicate-key",
          message: `YAML: duplicated mapping key "${truncate(key)}"`,
          hint: "each key may appear once per mapping; merge the two entries"
        });
        skip(ctx);
        continue;
      }
      seenMask |= bit;
      if (bit === 0) seen?.add(key);
      const known = p < 0 ? void 0 : readers[p];
      let read2 = known;
      if (!known && extra) {
        let message;
        let hint;
        if (reserved.has(key)) {
          message = `"${key}" is reserved and cannot be used as an id`;
          hint = "rename it, for example with a kind prefix such as service/constructor";
        } else if (namePattern && (!namePattern.test(key) || key.length > nameMax)) {
          message = `"${truncate(key)}" is not a valid id`;
          hint = "ids start with a letter or digit and use letters, digits and . _ : / @ + - (at most 200 characters)";
        }
        if (message !== void 0) {
          ctx.issues.push({ path: toKeyPath(ctx, key), offset: keyOffset, message, hint });
          skip(ctx);
          continue;
        }
        read2 = extra;
      }
      if (!read2) {
        const suggestion = closest(key, allowed);
        ctx.issues.push({
          path: toKeyPath(ctx, key),
          offset: keyOffset,
          message: `unknown key "${truncate(key)}"`,
          hint: suggestion ? `did you mean "${suggestion}"?` : `allowed keys here: ${allowed.join(", ")}`
        });
        skip(ctx);
        continue;
      }
      const value = read2(ctx, key);
      if (value === INVALID) continue;
      if (sink && !known) {
        sink(key, value, keyOffset);
        if (ctx.release) {
          const events = ctx.events;
          for (let k = ctx.released; k < ctx.i; k++) events[k] = void 0;
          ctx.released = ctx.i;
        }
      } else result[key] = value;
    }
    if (ctx.budget <= 0) {
      if (ownKey !== null) ctx.stack.pop();
      return INVALID;
    }
    ctx.i++;
    if ((seenMask & requiredMask) !== requiredMask) {
      for (const name of required) {
        if ((seenMask & 1 << names2.indexOf(name)) !== 0) continue;
        ctx.issues.push({
          path: toKeyPath(ctx, null),
          offset: start,
          message: `missing required key "${name}"`
        });
      }
    }
    if (ownKey !== null) ctx.stack.pop();
    return result;
  });
}
function readDocument2(ctx, read2) {
  if (ctx.secondDocument > 0) {
    ctx.issues.push({
      path: [],
      offset: offsetOf(ctx.events[ctx.secondDocument + 1]),
      code: "yaml-syntax",
      message: "YAML: a deps file holds one document; this is a second one",
      hint: "remove the `---` separator, or split the graph into files joined with include:"
    });
    return INVALID;
  }
  ctx.i = 1;
  return read2(ctx, null);
}

// src/core/config/key-path.ts
var PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_/:@+-]*$/;
function formatKeyPath(path) {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

// src/core/config/place.ts
function at(file, keyPath, atKey = false) {
  return { file, keyPath, atKey, path: formatKeyPath(keyPath) };
}
function nodeAt(node3, keyPath, atKey = false) {
  return node3.declaredAt.line !== void 0 ? { file: node3.declaredAt.file, line: node3.declaredAt.line } : at(node3.declaredAt.file, keyPath, atKey);
}

// src/core/config/kubernetes-rules.ts
function checkKubernetesRules(nodes, errors, warnings) {
  for (const node3 of nodes) {
    const patterns = node3.match.kubernetes;
    if (patterns.length === 0) continue;
    patterns.forEach((pattern, index2) => {
      const problem = checkObjectPattern(pattern);
      if (!problem) return;
      (problem.severity === "error" ? errors : warnings).push({
        severity: problem.severity,
        code: "kubernetes-pattern",
        ...nodeAt(node3, ["nodes", node3.id, "match", "kubernetes", index2]),
        message: problem.message,
        hint: problem.hint
      });
    });
    if (node3.match.paths.length === 0) {
      warnings.push({
        severity: "warning",
        code: "kubernetes-without-paths",
        ...nodeAt(node3, ["nodes", node3.id, "match", "kubernetes"]),
        message: `node "${node3.id}" names Kubernetes objects but no paths: its objects are looked for only in the files match.paths matches, so it never changes`,
        hint: "add match.paths: the manifests that hold these objects"
      });
    }
  }
}

// src/core/config/normalise.ts
var REPO_QUALIFIED = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+):(.+)$/;
var ID = /^[A-Za-z0-9][A-Za-z0-9._:/@+_-]*$/;
var NO_STRINGS = [];
var NO_RULES = [];
var DEFAULT_VIA = "depends-on";
function isRaw2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function str2(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function strings(value) {
  if (!Array.isArray(value)) return NO_STRINGS;
  for (const item of value) {
    if (typeof item !== "string" || item === "") {
      return value.filter((v) => typeof v === "string" && v !== "");
    }
  }
  return value;
}
function parsePathRule(source) {
  const qualified = source.includes(":") ? REPO_QUALIFIED.exec(source) : null;
  if (qualified?.[1] && qualified[2]) {
    return { repo: qualified[1].toLowerCase(), glob: stripDotSlash(qualified[2]), source };
  }
  return { glob: stripDotSlash(source), source };
}
function stripDotSlash(glob2) {
  return glob2.startsWith("./") ? glob2.slice(2) : glob2.startsWith("/") ? glob2.slice(1) : glob2;
}
function normaliseOwner(id, raw, at3) {
  const r = isRaw2(raw) ? raw : {};
  return { id, github: str2(r.github), chat: str2(r.chat), email: str2(r.email), declaredAt: at3 };
}
function interner() {
  const seen = /* @__PURE__ */ new Map();
  return (value) => {
    const known = seen.get(value);
    if (known !== void 0) return known;
    seen.set(value, value);
    return value;
  };
}
var asIs = (value) => value;
function normaliseNode(id, raw, at3, intern = asIs) {
  const r = isRaw2(raw) ? raw : {};
  const match = isRaw2(r.match) ? r.match : void 0;
  const paths = match ? strings(match.paths) : NO_STRINGS;
  const dependsOn = [];
  const declared = Array.isArray(r.depends_on) ? r.depends_on : NO_STRINGS;
  for (let index2 = 0; index2 < declared.length; index2++) {
    const entry = declared[index2];
    if (typeof entry === "string") {
      if (ID.test(entry)) dependsOn.push({ from: id, to: entry, via: DEFAULT_VIA, index: index2 });
      continue;
    }
    if (!isRaw2(entry)) continue;
    const on = str2(entry.on);
    if (!on || !ID.test(on)) continue;
    const via = str2(entry.via);
    const description = str2(entry.description);
    const expects = expectationsOf(entry.expects);
    const edge = {
      from: id,
      to: on,
      via: via === void 0 ? DEFAULT_VIA : intern(via),
      breaksOn: Array.isArray(entry.breaks_on) ? strings(entry.breaks_on) : DEFAULT_BREAKS_ON[via ?? DEFAULT_VIA],
      index: index2
    };
    if (description !== void 0) edge.description = description;
    if (expects !== void 0) edge.expects = expects;
    dependsOn.push(edge);
  }
  const tier2 = r.tier;
  return {
    id,
    // No kind: an addition to a catalog entity, or an error once every file is read.
    kind: intern(str2(r.kind) ?? ""),
    owner: typeof r.owner === "string" && r.owner !== "" ? intern(r.owner) : void 0,
    tier: typeof tier2 === "number" && Number.isInteger(tier2) && tier2 >= 0 && tier2 <= 3 ? tier2 : void 0,
    description: str2(r.description),
    docs: str2(r.docs),
    runbook: str2(r.runbook),
    match: {
      paths: paths.length === 0 ? NO_RULES : paths.map(parsePathRule),
      terraform: match ? strings(match.terraform) : NO_STRINGS,
      kubernetes: match ? strings(match.kubernetes) : NO_STRINGS
    },
    dependsOn,
    declaredAt: at3
  };
}
function expectationsOf(raw) {
  if (!isRaw2(raw)) return void 0;
  const trusts2 = Array.isArray(raw.trusts) ? strings(raw.trusts) : void 0;
  const allows2 = Array.isArray(raw.allows) ? strings(raw.allows) : void 0;
  const exists = raw.exists === true ? true : void 0;
  if (!trusts2?.length && !allows2?.length && !exists) return void 0;
  return {
    ...trusts2?.length ? { trusts: trusts2 } : {},
    ...allows2?.length ? { allows: allows2 } : {},
    ...exists ? { exists } : {}
  };
}

// src/core/config/path-rules.ts
function checkPathRules(nodes, errors) {
  for (const node3 of nodes) {
    node3.match.paths.forEach((rule, index2) => {
      const problem = globProblem(rule.glob);
      if (problem === void 0) return;
      errors.push({
        severity: "error",
        code: "path-glob",
        ...nodeAt(node3, ["nodes", node3.id, "match", "paths", index2]),
        message: `node "${node3.id}": path rule "${rule.glob}" ${problem}`,
        hint: "globs use *, **, ?, [...] and {a,b}: see Path rules in the README"
      });
    });
  }
}

// src/core/config/load-deps.ts
var readDeps = compileSchema(depsSchema);
var NODES_SCHEMA = depsSchema.properties?.nodes;
var OWNERS_SCHEMA = depsSchema.properties?.owners;
var MAX_SUGGESTIONS = 50;
function loadDeps(entry, readText, options = {}) {
  const errors = [];
  const warnings = [];
  const sources = /* @__PURE__ */ new Map();
  const owners = /* @__PURE__ */ new Map();
  const nodes = /* @__PURE__ */ new Map();
  const files = [];
  const done = /* @__PURE__ */ new Set();
  const inProgress = [];
  const intern = interner();
  const catalogs = [];
  const from = (i) => i.keyPath ? at(i.file, i.keyPath) : { file: i.file, line: i.line };
  const root = (0, import_node_path.normalize)(options.root ?? (0, import_node_path.dirname)(entry));
  const rootShown = `${root === "." ? "." : root.replace(/[\\/]+$/, "")}/`;
  const rootWhy = "the repository holding the deps file, or without one its own folder";
  const resolveInclude = (target, includedFrom) => {
    const what = includedFrom.keyPath ? "include" : "Location target";
    if ((0, import_node_path.isAbsolute)(target)) {
      errors.push({
        severity: "error",
        code: "include-outside-root",
        ...from(includedFrom),
        message: `${what} ${target} is an absolute path; not read`,
        hint: `write it relative to ${(0, import_node_path.dirname)(includedFrom.file)}/, inside ${rootShown} (${rootWhy})`
      });
      return void 0;
    }
    const resolved = (0, import_node_path.join)((0, import_node_path.dirname)(includedFrom.file), target);
    const inside = (0, import_node_path.relative)(root, resolved);
    if (inside === ".." || inside.startsWith(`..${import_node_path.sep}`) || (0, import_node_path.isAbsolute)(inside)) {
      errors.push({
        severity: "error",
        code: "include-outside-root",
        ...from(includedFrom),
        message: `${what} ${target} resolves to ${resolved}, outside ${rootShown} (${rootWhy}); not read`,
        hint: "copy the file inside, or keep the deps file higher up"
      });
      return void 0;
    }
    return resolved;
  };
  const visit = (file, includedFrom) => {
    if (done.has(file)) return;
    const cycleStart = inProgress.indexOf(file);
    if (cycleStart >= 0 && includedFrom) {
      errors.push({
        severity: "error",
        code: "include-cycle",
        ...from(includedFrom),
        message: `include cycle: ${[...inProgress.slice(cycleStart), file].join(" -> ")}`,
        hint: "remove one of these includes"
      });
      return;
    }
    const read2 = readText(file);
    if (!read2.ok) {
      errors.push(
        includedFrom ? {
          ...read2.diagnostic,
          ...from(includedFrom),
          code: read2.diagnostic.code === "file-not-found" ? "include-missing" : read2.diagnostic.code,
          message: `cannot include ${file}: ${read2.diagnostic.message}`
        } : read2.diagnostic
      );
      return;
    }
    sources.set(file, read2.text);
    files.push(file);
    inProgress.push(file);
    if (declaresKinds(read2.text)) loadCatalog(file, read2.text);
    else loadFile(file, read2.text);
    inProgress.pop();
    done.add(file);
  };
  const loadFile = (file, text4) => {
    const parsed2 = parseYamlEvents(text4, file);
    if (!parsed2.ok) {
      errors.push(parsed2.diagnostic);
      return;
    }
    const here = { file };
    const sinks = /* @__PURE__ */ new Map();
    sinks.set(NODES_SCHEMA, (id, raw) => {
      const previous = nodes.get(id);
      if (previous) errors.push(duplicate("node", id, file, previous.declaredAt.file));
      else nodes.set(id, normaliseNode(id, raw, here, intern));
    });
    sinks.set(OWNERS_SCHEMA, (id, raw) => {
      const previous = owners.get(id);
      if (previous) errors.push(duplicate("owner", id, file, previous.declaredAt.file));
      else owners.set(id, normaliseOwner(id, raw, here));
    });
    const ctx = readContext(text4, parsed2.events, sinks);
    const document = readDocument2(ctx, readDeps);
    if (ctx.budget <= 0) {
      errors.push({
        severity: "error",
        code: "alias-bomb",
        file,
        message: "the document expands to far more values than its text holds (YAML aliases repeating large parts of it)",
        hint: "write the values out instead of repeating aliases, or split the graph with include:"
      });
      return;
    }
    const position2 = ctx.issues.length > 0 ? lineIndex(text4) : void 0;
    for (const issue of ctx.issues) {
      errors.push({
        severity: "error",
        code: issue.code ?? "schema",
        file,
        ...issue.offset >= 0 && position2 ? position2(issue.offset) : {},
        keyPath: issue.path,
        path: formatKeyPath(issue.path),
        message: issue.path.length === 0 && issue.code === void 0 ? `the document must be a mapping with version and nodes; ${issue.message}` : issue.message,
        hint: issue.hint
      });
    }
    if (document === INVALID || !isMapping(document)) return;
    if (Array.isArray(document.include)) {
      document.include.forEach((target, index2) => {
        if (typeof target !== "string" || target === "") return;
        const includedFrom = { file, keyPath: ["include", index2] };
        const resolved = resolveInclude(target, includedFrom);
        if (resolved !== void 0) visit(resolved, includedFrom);
      });
    }
  };
  const loadCatalog = (file, text4) => {
    const catalog = readCatalog(file, text4);
    catalogs.push(catalog);
    for (const d of catalog.diagnostics) (d.severity === "error" ? errors : warnings).push(d);
    for (const { target, line } of catalog.targets) {
      if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(target)) {
        warnings.push({
          severity: "warning",
          code: "catalog-remote-target",
          file,
          line,
          message: `Location target ${target} is not a local file; not read`,
          hint: "include a local copy of that catalog file in deps.yaml, or point the Location at a relative path"
        });
        continue;
      }
      if (/[*?[{]/.test(target)) {
        warnings.push({
          severity: "warning",
          code: "catalog-glob-target",
          file,
          line,
          message: `Location target ${target} is a glob; blastradius reads only named files`,
          hint: "list the files, in the Location or under include: in deps.yaml"
        });
        continue;
      }
      const resolved = resolveInclude(target, { file, line });
      if (resolved !== void 0) visit(resolved, { file, line });
    }
  };
  const duplicate = (what, id, file, first) => ({
    severity: "error",
    code: `duplicate-${what}`,
    ...at(file, [`${what}s`, id], true),
    message: `${what} "${id}" is declared twice; it was first declared in ${first} (${formatKeyPath([`${what}s`, id])})`,
    hint: `keep one declaration of "${id}"`
  });
  visit((0, import_node_path.normalize)(entry));
  const merged = catalogs.length > 0 ? mergeCatalogs({ nodes, owners, catalogs }) : void 0;
  const allNodes = merged?.nodes ?? nodes;
  const allOwners = merged?.owners ?? owners;
  if (merged) warnings.push(...merged.warnings);
  const badNodes = new Set(
    errors.filter((e) => e.code === "schema" && e.keyPath?.[0] === "nodes").map((e) => e.keyPath?.[1])
  );
  for (const node3 of allNodes.values()) {
    if (node3.kind !== "" || badNodes.has(node3.id)) continue;
    errors.push({
      severity: "error",
      code: "missing-kind",
      ...at(node3.declaredAt.file, ["nodes", node3.id], true),
      ...merged ? {
        message: `node "${node3.id}" has no kind, and no catalog entity has that id`,
        hint: "add `kind:`, or use the id of an entity from an included Backstage catalog (e.g. resource:pgdb)"
      } : {
        message: `node "${node3.id}" has no kind`,
        hint: "add `kind:` (iam-role, service, job, table \u2026); only a node that adds to an entity of an included Backstage catalog may leave it out"
      }
    });
  }
  const config = { version: 1, owners: allOwners, nodes: allNodes, files };
  const skipped = [];
  const graph = compactGraph(config, skipped);
  crossReference(allNodes, allOwners, skipped, errors, warnings);
  checkKubernetesRules(allNodes.values(), errors, warnings);
  checkPathRules(allNodes.values(), errors);
  for (const cycle of findCycles(graph)) {
    const first = allNodes.get(cycle[0]);
    const shown = cycle.length > 12 ? [...cycle.slice(0, 10), "\u2026", cycle[cycle.length - 1]] : cycle;
    warnings.push({
      severity: "warning",
      code: "cycle",
      ...first ? nodeAt(first, ["nodes", first.id], true) : { file: entry },
      message: `dependency cycle: ${shown.join(" -> ")}`,
      hint: "the analysis handles cycles, but a cycle usually means an edge points the wrong way"
    });
  }
  return errors.length > 0 ? { errors, warnings, sources } : { config, graph, errors, warnings, sources };
}
function crossReference(nodes, owners, skipped, errors, warnings) {
  let suggestions = 0;
  const suggest = (word, candidates2) => suggestions++ < MAX_SUGGESTIONS ? closest(word, candidates2) : void 0;
  const edgeAt = (edge) => edge.origin ? { file: edge.origin.file, line: edge.origin.line } : at(nodes.get(edge.from)?.declaredAt.file ?? "", [
    "nodes",
    edge.from,
    "depends_on",
    edge.index
  ]);
  for (const { edge, reason } of skipped) {
    if (reason === "self") {
      errors.push({
        severity: "error",
        code: "self-dependency",
        ...edgeAt(edge),
        message: `node "${edge.from}" depends on itself`,
        hint: "remove this entry"
      });
      continue;
    }
    const guess = suggest(edge.to, nodes.keys());
    errors.push({
      severity: "error",
      code: "unknown-node",
      ...edgeAt(edge),
      message: `unknown node "${edge.to}"${guess ? ` \u2014 did you mean "${guess}"?` : ""}`,
      hint: guess ? `change it to "${guess}", or declare "${edge.to}" under nodes:` : `declare "${edge.to}" under nodes:, or fix the id`
    });
  }
  const usedOwners = /* @__PURE__ */ new Set();
  for (const node3 of nodes.values()) {
    const edges = node3.dependsOn;
    for (let i = 1; i < edges.length; i++) {
      const edge = edges[i];
      for (let j = 0; j < i; j++) {
        if (edges[j]?.to !== edge.to) continue;
        errors.push({
          severity: "error",
          code: "duplicate-edge",
          ...edgeAt(edge),
          message: `node "${edge.from}" already depends on "${edge.to}"`,
          hint: "declare each dependency once; put every way it breaks in one entry's breaks_on"
        });
        break;
      }
    }
    if (node3.owner === void 0) {
      warnings.push({
        severity: "warning",
        code: "no-owner",
        ...nodeAt(node3, ["nodes", node3.id], true),
        message: `node "${node3.id}" has no owner`,
        hint: "add `owner:` so the right team hears when it is impacted"
      });
      continue;
    }
    usedOwners.add(node3.owner);
    if (owners.has(node3.owner)) continue;
    const guess = suggest(node3.owner, owners.keys());
    errors.push({
      severity: "error",
      code: "unknown-owner",
      ...nodeAt(node3, ["nodes", node3.id, "owner"]),
      message: `unknown owner "${node3.owner}"${guess ? ` \u2014 did you mean "${guess}"?` : ""}`,
      hint: `declare "${node3.owner}" under owners:, or use one of the declared owners`
    });
  }
  for (const [id, owner2] of owners) {
    if (usedOwners.has(id) || owner2.catalog !== void 0) continue;
    warnings.push({
      severity: "warning",
      code: "unused-owner",
      ...at(owner2.declaredAt.file, ["owners", id], true),
      message: `owner "${id}" owns no node`,
      hint: "remove it, or set it as the owner of its nodes"
    });
  }
}
function isMapping(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/core/config/locate-key.ts
var KeyLocator = class {
  #text;
  #root;
  #position;
  constructor(text4) {
    this.#text = text4;
  }
  /** The position of the key (atKey) or of its value; the nearest enclosing one if absent. */
  locate(path, atKey) {
    const root = this.#tree();
    if (!root) return void 0;
    let node3 = root;
    let offset = root.start;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (typeof segment === "number" && node3.items) {
        const item = node3.items[segment];
        if (!item) break;
        node3 = item;
        offset = item.start;
      } else if (typeof segment === "string" && node3.entries) {
        const entry = node3.entries.findLast((e) => e.key === segment);
        if (!entry) break;
        node3 = entry.value;
        offset = last && atKey ? entry.keyStart : entry.value.start;
      } else break;
    }
    return this.position(offset);
  }
  position(offset) {
    this.#position ??= lineIndex(this.#text);
    return this.#position(offset);
  }
  #tree() {
    if (this.#root === void 0) {
      try {
        this.#root = buildTree(this.#text, parseEvents(this.#text, {}));
      } catch {
        this.#root = null;
      }
    }
    return this.#root;
  }
};
function buildTree(text4, events) {
  let index2 = 0;
  const next = () => {
    const event = events[index2++];
    if (!event) return void 0;
    switch (event.type) {
      case EVENT_ID.SCALAR:
        return { start: event.valueStart };
      case EVENT_ID.ALIAS:
        return { start: event.anchorStart > 0 ? event.anchorStart - 1 : 0 };
      case EVENT_ID.SEQUENCE: {
        const items = [];
        while (events[index2] && events[index2]?.type !== EVENT_ID.POP) {
          const item = next();
          if (item) items.push(item);
        }
        index2++;
        return { start: event.start, items };
      }
      case EVENT_ID.MAPPING: {
        const entries = [];
        while (events[index2] && events[index2]?.type !== EVENT_ID.POP) {
          const keyEvent = events[index2];
          const key = keyEvent?.type === EVENT_ID.SCALAR ? getScalarValue(text4, keyEvent) : "";
          const keyNode = next();
          const value = next();
          if (keyNode && value)
            entries.push({
              key,
              keyStart: keyNode.start,
              value: value.start < 0 ? { ...value, start: keyNode.start } : value
            });
        }
        index2++;
        return { start: event.start, entries };
      }
      default:
        return void 0;
    }
  };
  const first = events[index2];
  if (first?.type !== EVENT_ID.DOCUMENT) return null;
  index2++;
  return next() ?? null;
}

// src/core/config/locate-diagnostics.ts
function locateDiagnostics(diagnostics, sources) {
  const locators = /* @__PURE__ */ new Map();
  const fileOrder = [...sources.keys()];
  const located = diagnostics.map((diagnostic) => {
    if (diagnostic.line !== void 0 || !diagnostic.keyPath) return diagnostic;
    const text4 = sources.get(diagnostic.file);
    if (text4 === void 0) return diagnostic;
    let locator = locators.get(diagnostic.file);
    if (!locator) {
      locator = new KeyLocator(text4);
      locators.set(diagnostic.file, locator);
    }
    const position2 = locator.locate(diagnostic.keyPath, diagnostic.atKey ?? false);
    return position2 ? { ...diagnostic, ...position2 } : diagnostic;
  });
  const rank = (file) => {
    const i = fileOrder.indexOf(file);
    return i < 0 ? fileOrder.length : i;
  };
  return located.sort(
    (a, b) => rank(a.file) - rank(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
  );
}
function formatDiagnostic(diagnostic) {
  const where2 = diagnostic.line !== void 0 ? `${diagnostic.file}:${diagnostic.line}${diagnostic.column !== void 0 ? `:${diagnostic.column}` : ""}` : diagnostic.file;
  const key = diagnostic.path ? ` ${diagnostic.path}` : "";
  const hint = diagnostic.hint ? ` (${diagnostic.hint})` : "";
  return `${where2}${key}: ${diagnostic.severity}: ${diagnostic.message}${hint}`;
}

// src/app/load-model.ts
function modelFromLoad(result) {
  if (!result.config || !result.graph) {
    throw new InvalidDepsError(
      locateDiagnostics(result.errors, result.sources),
      locateDiagnostics(result.warnings, result.sources)
    );
  }
  return {
    model: prepareModel(result.config, result.graph),
    warnings: () => locateDiagnostics(result.warnings, result.sources),
    warningCount: result.warnings.length,
    result
  };
}

// src/app/load-remote-deps.ts
function fetchFrom(port, repo, ref) {
  return (path, limit) => port.readFile(repo, path, ref, limit);
}
var MAX_REMOTE_FILES = 500;
var MAX_REMOTE_BYTES = 128 * 1024 * 1024;
var CONCURRENCY = 8;
async function loadRemoteDeps(entry, fetchText, where2, limits = {}) {
  const maxFiles = limits.maxFiles ?? MAX_REMOTE_FILES;
  const maxBytes = limits.maxBytes ?? MAX_REMOTE_BYTES;
  const cache = /* @__PURE__ */ new Map();
  let bytes = 0;
  for (; ; ) {
    const missing = [];
    const read2 = (file) => {
      const fetched = cache.get(file);
      if (fetched === void 0) missing.push(file);
      if (fetched !== void 0 && "text" in fetched) return { ok: true, text: fetched.text };
      return {
        ok: false,
        diagnostic: fetched === void 0 || "missing" in fetched ? {
          severity: "error",
          code: "file-not-found",
          file,
          message: fetched === void 0 ? "not fetched yet" : `no such file in ${where2}`
        } : { severity: "error", file, ...fetched.refused }
      };
    };
    const result = loadDeps(entry, read2, { root: "." });
    if (missing.length === 0) return oneLimitError(result);
    let queue = missing;
    const room = maxFiles - cache.size;
    if (queue.length > room) {
      for (const file of queue.slice(Math.max(room, 0)))
        cache.set(file, {
          refused: {
            code: "include-limit",
            message: `not read: the graph in ${where2} includes more than ${maxFiles} files`,
            hint: `keep a graph to at most ${maxFiles} files (merge small ones)`
          }
        });
      queue = queue.slice(0, Math.max(room, 0));
    }
    let next = 0;
    const worker = async () => {
      while (next < queue.length) {
        const file = queue[next++];
        let fetched = await fetchWithin(file, maxBytes - bytes);
        if ("text" in fetched) {
          const size = Buffer.byteLength(fetched.text);
          if (bytes + size > maxBytes) fetched = over(size);
          else bytes += size;
        }
        cache.set(file, fetched);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  }
  function over(size) {
    return {
      refused: {
        code: "include-limit",
        message: `not read: its ${size} bytes would take the graph in ${where2} past ${maxBytes} bytes`,
        hint: `keep a graph's files under ${maxBytes} bytes together`
      }
    };
  }
  async function fetchWithin(file, left) {
    if (left <= 0)
      return {
        refused: {
          code: "include-limit",
          message: `not read: the graph in ${where2} already holds ${maxBytes} bytes, the most read`,
          hint: `keep a graph's files under ${maxBytes} bytes together`
        }
      };
    try {
      const text4 = await fetchText(file, { maxBytes: left });
      if (text4 === void 0) return { missing: true };
      const size = Buffer.byteLength(text4);
      return size > left ? over(size) : { text: text4 };
    } catch (error) {
      if (error instanceof FileTooLargeError) return over(error.size);
      if (error instanceof NotAFileError)
        return {
          refused: {
            code: "not-a-regular-file",
            message: `is a ${error.kind === "directory" ? "folder" : error.kind} in ${where2}, not a file; not read`,
            hint: "include regular files only; a symlink's target is not followed"
          }
        };
      throw error;
    }
  }
}
function oneLimitError(result) {
  const limited = result.errors.filter((e) => e.code === "include-limit");
  if (limited.length <= 1) return result;
  const [first] = limited;
  return {
    ...result,
    errors: result.errors.flatMap(
      (e) => e.code !== "include-limit" ? [e] : e === first ? [{ ...e, message: `${e.message} (nor ${limited.length - 1} more includes)` }] : []
    )
  };
}

// src/adapters/git/git.ts
var import_node_child_process = require("node:child_process");
function git(cwd, args) {
  try {
    return (0, import_node_child_process.execFileSync)("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 1024 * 1024 * 1024
    });
  } catch (error) {
    const e = error;
    if (e.code === "ENOENT") throw new InputError("git is not installed or not on PATH");
    const stderr = String(e.stderr ?? "").trim().split("\n")[0] ?? "";
    throw new InputError(`git ${args[0]} failed: ${stderr || "unknown error"}`);
  }
}
function findRepoRoot(cwd) {
  try {
    return git(cwd, ["rev-parse", "--show-toplevel"]).trim() || void 0;
  } catch {
    return void 0;
  }
}
function hasCommit(root, sha) {
  try {
    git(root, ["cat-file", "-e", `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}
function changedFilesBetween(root, base, head) {
  const out = git(root, [
    "diff",
    "--name-status",
    "-z",
    "-M",
    "--no-ext-diff",
    `${base}...${head}`
  ]);
  return parseNameStatus(out);
}
function parseNameStatus(out) {
  const fields = out.split("\0");
  const changes = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++];
    if (!status) continue;
    const letter = status[0];
    if (letter === "R" || letter === "C") {
      const previousPath = fields[i++] ?? "";
      const path = fields[i++] ?? "";
      changes.push(
        letter === "R" ? { path, previousPath, status: "renamed" } : { path, status: "added" }
      );
    } else {
      const path = fields[i++] ?? "";
      changes.push({
        path,
        status: letter === "A" ? "added" : letter === "D" ? "removed" : "modified"
      });
    }
  }
  return changes;
}

// src/app/local-diff.ts
function localDiffIn(dir) {
  return (base, head) => {
    const root = dir ? findRepoRoot(dir) : void 0;
    if (!root || !hasCommit(root, base) || !hasCommit(root, head)) return void 0;
    return changedFilesBetween(root, base, head);
  };
}

// src/core/model.ts
var RISKS = ["none", "low", "medium", "high"];

// src/core/render/explain.ts
var ADVICE = {
  deleted: "Something downstream still uses it: move each dependent off it first, or keep it until their owners confirm they have.",
  replaced: "It gets a new ARN or id: expect new ARNs downstream. Update every reference in the same rollout, or create the new one before destroying the old (create_before_destroy) and give dependents a window to move.",
  renamed: "References by the old name or address break: add a `moved` block in Terraform, or keep the old name as an alias while dependents move.",
  "trust-narrowed": "Keep the old principal trusted during a transition, notify the owners listed here, and remove it once they confirm they no longer assume the role that way.",
  "permissions-removed": "Check whether the dependents still use the removed actions (CloudTrail, IAM access advisor) before removing them; remove them in a separate change once the owners confirm.",
  unknown: "The new value is known only at apply, or the contents were not compared: review this resource in the plan, or give blastradius the plan (--plan) so it can tell."
};
var RECOVERY = "If it breaks anyway, the owners can choose between two ways back: roll back the upstream change (revert it), or adapt the dependents to the new state.";
function whereOf(e) {
  if (e.file && e.line) return `${e.file}:${e.line}`;
  if (e.address && e.file) return `${e.file} ${e.address}`;
  return e.address ?? e.file;
}
function adviceFor(impact) {
  const breaking = /* @__PURE__ */ new Set();
  for (const node3 of impact.impacted) {
    if (node3.severity !== "breaking") continue;
    breaking.add((node3.breakingPath ?? node3.path).changeClass);
  }
  for (const c of impact.contracts)
    if (c.status === "broken") {
      for (const node3 of impact.changed)
        if (node3.id === c.upstream) for (const cls of node3.classes) breaking.add(cls);
    }
  return [...breaking].sort(compareClasses).flatMap((cls) => ADVICE[cls] ? [{ cls, advice: ADVICE[cls] }] : []);
}
function evidenceLines(evidence, max = 6) {
  const unique2 = [];
  const byKey = /* @__PURE__ */ new Map();
  for (const e of evidence) {
    const where2 = whereOf(e);
    const key = `${e.address ?? ""}\0${e.detail}`;
    const known = byKey.get(key);
    if (known) {
      if (e.file !== void 0) known.files.add(e.file);
      continue;
    }
    const line = {
      detail: e.address && !where2?.includes(e.address) && !e.detail.includes(e.address) ? `${e.address}: ${e.detail}` : e.detail,
      ...where2 ? { where: where2 } : {},
      files: new Set(e.file === void 0 ? [] : [e.file])
    };
    byKey.set(key, line);
    unique2.push(line);
  }
  const lines = unique2.map(({ detail, where: where2, files }) => {
    const also = files.size - 1;
    return {
      detail,
      ...where2 ? { where: also > 0 ? `${where2}, and ${also} more file${also > 1 ? "s" : ""}` : where2 } : {}
    };
  });
  return { lines: lines.slice(0, max), more: Math.max(0, lines.length - max) };
}

// src/core/render/terminal-escape.ts
var CONTROL = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching controls is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
);
var ANY = new RegExp(CONTROL.source);
var BREAK = /[\r\n\t\v\f\u0085\u2028\u2029]+/g;
function terminalText(value) {
  if (!ANY.test(value)) return value;
  return value.replace(BREAK, " ").replace(CONTROL, visible);
}
function visible(c) {
  const n = c.charCodeAt(0);
  return n <= 255 ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
}
function inertJsonText(json) {
  return json.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}

// src/core/render/markdown-escape.ts
function code(value) {
  const flat = terminalText(value).replace(/\|/g, "\\|");
  let fence = "`";
  while (flat.includes(fence)) fence += "`";
  const pad = flat.startsWith("`") || flat.endsWith("`") || flat.startsWith(" ") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
var ZWSP = "\u200B";
function text2(value) {
  return terminalText(value).replace(
    /[\\`*_{}[\]|~>&<@]/g,
    (c) => c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === "@" ? `@${ZWSP}` : `\\${c}`
  ).replace(AUTOLINKED, unlinked);
}
var AUTOLINKED = /:(?=\/\/)|\b(?:mailto|xmpp):|\bwww\.|#(?=\d)|\bGH-(?=\d)|\b[0-9a-f]{7,}\b/gi;
function unlinked(match) {
  if (match === ":") return `:${ZWSP}`;
  if (match.endsWith(":")) return `${match.slice(0, -1)}${ZWSP}:`;
  if (match.endsWith(".")) return `${match.slice(0, 3)}${ZWSP}.`;
  if (match === "#" || match.endsWith("-")) return `${match}${ZWSP}`;
  return shaBroken(match);
}
function shaBroken(run2) {
  if (!/[a-f]/i.test(run2)) return run2;
  return run2.replace(/.{6}(?=.)/g, (piece) => `${piece}${ZWSP}`);
}
function link2(label, url) {
  if (!url || !/^https?:\/\/\S+$/i.test(url)) return label;
  const safe = url.replace(/[^\x21-\x7e]|[()<>"'\\`]/gu, percentEncoded);
  return `[${label}](${safe})`;
}
function percentEncoded(c) {
  const ascii = c.charCodeAt(0);
  if (ascii < 128) return `%${ascii.toString(16).toUpperCase().padStart(2, "0")}`;
  try {
    return encodeURIComponent(c);
  } catch {
    return "%EF%BF%BD";
  }
}

// src/core/render/summary.ts
function summarize(impact) {
  const breaking = impact.impacted.filter((n) => n.severity === "breaking").length;
  return {
    changed: impact.changed.length,
    impacted: impact.impacted.length,
    breaking,
    atRisk: impact.impacted.length - breaking,
    owners: impact.owners.filter((o) => o.id !== void 0).length
  };
}
function plural(count2, one, many = `${one}s`) {
  return `${count2} ${count2 === 1 ? one : many}`;
}
function byConcern(a, b) {
  return Number(a.severity !== "breaking") - Number(b.severity !== "breaking") || (a.tier ?? DEFAULT_TIER) - (b.tier ?? DEFAULT_TIER) || a.depth - b.depth || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// src/core/render/render-mermaid.ts
function mermaidLabel(value) {
  return `"${terminalText(value).replace(/[#"<>&`]/g, (c) => `#${c.charCodeAt(0)};`)}"`;
}
function renderImpactMermaid(impact, maxNodes = 40) {
  const shown = [...impact.impacted].sort(byConcern).slice(0, maxNodes);
  const ids2 = /* @__PURE__ */ new Map();
  const idOf = (node3) => {
    let id = ids2.get(node3);
    if (!id) {
      id = `n${ids2.size}`;
      ids2.set(node3, id);
    }
    return id;
  };
  const lines = ["flowchart LR"];
  const edges = /* @__PURE__ */ new Set();
  const severity = new Map(impact.impacted.map((n) => [n.id, n.severity]));
  for (const node3 of impact.changed) idOf(node3.id);
  for (const node3 of shown) {
    for (const step of (node3.breakingPath ?? node3.path).steps) {
      const line = `  ${idOf(step.from)} -->|${mermaidLabel(step.via)}| ${idOf(step.to)}`;
      edges.add(line);
    }
  }
  for (const [node3, id] of ids2) lines.push(`  ${id}[${mermaidLabel(node3)}]`);
  lines.push(...edges);
  const classes = { changed: [], breaking: [], atrisk: [] };
  const changed = new Set(impact.changed.map((n) => n.id));
  for (const [node3, id] of ids2) {
    if (changed.has(node3)) classes.changed?.push(id);
    else if (severity.get(node3) === "breaking") classes.breaking?.push(id);
    else classes.atrisk?.push(id);
  }
  lines.push(
    "  classDef changed fill:#fde68a,stroke:#b45309,color:#000",
    "  classDef breaking fill:#fecaca,stroke:#b91c1c,color:#000",
    "  classDef atrisk fill:#fef9c3,stroke:#a16207,color:#000"
  );
  for (const [name, members] of Object.entries(classes)) {
    if (members.length > 0) lines.push(`  class ${members.join(",")} ${name}`);
  }
  return { text: lines.join("\n"), omitted: impact.impacted.length - shown.length };
}

// src/core/render/render-unjudged.ts
var MAX_LISTED = 30;
function listed2(unjudged) {
  const shown = unjudged.slice(0, MAX_LISTED);
  return { shown, more: unjudged.length - shown.length };
}
var MAX_CHARS = 300;
var clip = (value) => value.length > MAX_CHARS ? `${value.slice(0, MAX_CHARS)}\u2026` : value;
var count = (n) => `${n} ${n === 1 ? "thing" : "things"}`;
function unjudgedMarkdown(unjudged) {
  if (unjudged.length === 0) return "";
  const { shown, more } = listed2(unjudged);
  const lines = [
    "> [!WARNING]",
    `> **Incomplete: ${count(unjudged.length)} could not be judged.** A node such a file matches counts as changed in an unknown way; with \`fail-on\` set the gate fails on this (\`on-incomplete\`).`,
    ...shown.map(
      (u) => `> - ${u.file === void 0 ? "" : `${code(clip(u.file))}: `}${text2(clip(u.reason))}`
    ),
    ...more > 0 ? [`> - \u2026and ${more} more`] : []
  ];
  return lines.join("\n");
}

// src/core/render/render-markdown.ts
var GITHUB_COMMENT_LIMIT = 65536;
var MAX_CHANGED = 30;
var MAX_EVIDENCE = 30;
var MAX_CONTRACTS = 20;
var RISK_ICON = { none: "\u{1F7E2}", low: "\u{1F535}", medium: "\u{1F7E0}", high: "\u{1F534}" };
var SEVERITY_LABEL = { breaking: "\u{1F534} breaking", "at-risk": "\u{1F7E0} at risk" };
function renderMarkdown(impact, options = {}) {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT;
  const sorted = [...impact.impacted].sort(byConcern);
  const full = {
    rows: sorted.length,
    paths: sorted.length,
    chart: sorted.length > 0,
    owners: impact.owners.length
  };
  let body = compose(impact, sorted, full, options, []);
  if (body.length < limit) return body;
  const budget2 = { ...full, chart: false };
  const cuts = ["the dependency chart"];
  body = compose(impact, sorted, budget2, options, cuts);
  if (body.length < limit) return body;
  budget2.paths = largest(
    full.paths,
    (n) => compose(impact, sorted, { ...budget2, paths: n }, options, cuts).length < limit
  );
  if (budget2.paths < full.paths) cuts.push(`paths of ${full.paths - budget2.paths} nodes`);
  body = compose(impact, sorted, budget2, options, cuts);
  if (body.length < limit) return body;
  budget2.rows = largest(
    full.rows,
    (n) => compose(impact, sorted, { ...budget2, rows: n }, options, cuts).length < limit
  );
  cuts.push(`${full.rows - budget2.rows} table rows`);
  body = compose(impact, sorted, budget2, options, cuts);
  if (body.length < limit) return body;
  budget2.owners = largest(
    full.owners,
    (n) => compose(impact, sorted, { ...budget2, owners: n }, options, cuts).length < limit
  );
  cuts.push(`${full.owners - budget2.owners} owners`);
  return compose(impact, sorted, budget2, options, cuts);
}
function largest(max, fits) {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = low + high + 1 >> 1;
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}
function compose(impact, sorted, budget2, options, cuts) {
  const counts = summarize(impact);
  const out = [];
  out.push(`### ${RISK_ICON[impact.risk]} blastradius: ${verdict(impact, counts)}`, "");
  for (const notice of options.notices ?? []) out.push(notice, "");
  const incomplete = unjudgedMarkdown(impact.unjudged);
  if (incomplete) out.push(incomplete, "");
  if (impact.changed.length > 0) {
    const changed = impact.changed.slice(0, MAX_CHANGED).map((node3) => {
      const files = node3.causes.slice(0, 3).map((c) => code(c.address ?? c.file));
      const more = node3.causes.length > 3 ? ` and ${node3.causes.length - 3} more` : "";
      return `${code(node3.id)} (${node3.classes.join(", ")}: ${files.join(", ")}${more})`;
    });
    const moreChanged = impact.changed.length - changed.length;
    out.push(
      `**Changed:** ${changed.join(", ")}${moreChanged > 0 ? ` and ${moreChanged} more nodes` : ""}`,
      ""
    );
    const why = [];
    let untold = 0;
    for (const node3 of impact.changed) {
      const { lines, more } = evidenceLines(node3.causes.flatMap((c) => c.evidence));
      for (const line of lines) {
        if (why.length >= MAX_EVIDENCE) untold++;
        else
          why.push(
            `- ${code(node3.id)}: ${text2(line.detail)}${line.where ? ` (${code(line.where)})` : ""}`
          );
      }
      untold += more;
    }
    if (untold > 0)
      why.push(`- \u2026and ${untold} more; \`blastradius check --format json\` has them all`);
    if (why.length > 0) out.push("**What changed:**", "", ...why, "");
  }
  const contracts = impact.contracts.filter((c) => c.status !== "kept");
  if (contracts.length > 0) {
    out.push("**Contracts:**", "");
    const ordered = [...contracts].sort(
      (a, b) => Number(a.status !== "broken") - Number(b.status !== "broken")
    );
    for (const c of ordered.slice(0, MAX_CONTRACTS)) {
      const where2 = c.evidence ? whereOf(c.evidence) : void 0;
      out.push(
        `- ${c.status === "broken" ? "\u{1F534} broken" : "\u26AA not checked"}: ${code(c.dependent)} expects of ${code(c.upstream)}: ${text2(c.expectation)} \u2014 ${text2(c.reason)}${where2 ? ` (${code(where2)})` : ""}`
      );
    }
    if (ordered.length > MAX_CONTRACTS) out.push(`- \u2026and ${ordered.length - MAX_CONTRACTS} more`);
    out.push("");
  }
  if (sorted.length > 0) {
    const changedIds2 = new Set(impact.changed.map((c) => c.id));
    out.push("| Severity | Tier | Node | Kind | Owner | Depth |", "|---|---|---|---|---|---|");
    for (const node3 of sorted.slice(0, budget2.rows)) {
      out.push(
        `| ${SEVERITY_LABEL[node3.severity]} | ${node3.tier ?? "\u2013"} | ${code(node3.id)}${changedIds2.has(node3.id) ? " (also changed)" : ""} | ${code(node3.kind)} | ${node3.owner ? code(node3.owner) : "_none_"} | ${node3.depth} |`
      );
    }
    if (budget2.rows < sorted.length) {
      out.push(
        "",
        `_\u2026and ${sorted.length - budget2.rows} more impacted nodes, not listed to stay within GitHub's comment size; run \`blastradius check --format json\` for all._`
      );
    }
    out.push("");
  }
  const owners = impact.owners.slice(0, budget2.owners);
  if (owners.length > 0) {
    out.push("**Owners to notify:**", "");
    for (const owner2 of owners) out.push(`- ${ownerLine(owner2, options.mentionOwners ?? false)}`);
    if (budget2.owners < impact.owners.length)
      out.push(`- \u2026and ${impact.owners.length - budget2.owners} more owners`);
    out.push("");
  }
  if (budget2.paths > 0) {
    out.push(
      `<details><summary>Why: the path to each impacted node (${Math.min(budget2.paths, sorted.length)})</summary>`,
      ""
    );
    for (const node3 of sorted.slice(0, budget2.paths)) {
      out.push(`- ${code(node3.id)}: ${markdownPath(node3.path)}`);
      const breaking = node3.breakingPath;
      if (breaking) out.push(`  - breaks via ${markdownPath(breaking)}`);
    }
    if (budget2.paths < sorted.length)
      out.push(`- \u2026paths of ${sorted.length - budget2.paths} more nodes left out`);
    out.push("", "</details>", "");
  }
  if (budget2.chart) {
    const chart = renderImpactMermaid(impact, options.maxChartNodes ?? 40);
    out.push(
      "<details><summary>Dependency chart</summary>",
      "",
      "```mermaid",
      chart.text,
      "```",
      ""
    );
    if (chart.omitted > 0) out.push(`_${plural(chart.omitted, "impacted node")} not drawn._`, "");
    out.push("</details>", "");
  }
  if (impact.truncated) {
    out.push(
      `> [!NOTE]
> The analysis stopped at depth ${impact.truncated.limit}: ${plural(impact.truncated.frontier.length, "node")} at that depth have dependents that were not followed.`,
      ""
    );
  }
  const advice = adviceFor(impact);
  if (advice.length > 0) {
    out.push("<details><summary>What usually helps</summary>", "");
    for (const { cls, advice: line } of advice) out.push(`- **${cls}**: ${text2(line)}`);
    out.push(`- ${text2(RECOVERY)}`, "", "</details>", "");
  }
  const discovered = sorted.filter((n) => n.path.steps.some((s) => s.discovered)).length;
  if (discovered > 0) {
    out.push(
      `_${plural(discovered, "impacted node")} reached through references found in Terraform configuration, not declared in deps.yaml: \`blastradius validate --plan\` lists the edges to declare._`,
      ""
    );
  }
  if (impact.unmatchedFiles.length > 0) {
    out.push(
      `_${plural(impact.unmatchedFiles.length, "changed file")} matched no declared node._`,
      ""
    );
  }
  if (impact.quietFiles.length > 0) {
    out.push(
      `_${plural(impact.quietFiles.length, "file")} matched declared nodes but changed nothing of theirs (${text2(impact.quietFiles[0]?.reason ?? "")})._`,
      ""
    );
  }
  if (impact.unmatchedResources.length > 0) {
    out.push(
      `_${plural(impact.unmatchedResources.length, "changed plan resource")} matched no declared node._`,
      ""
    );
  }
  if (cuts.length > 0) {
    out.push(`_Shortened to fit GitHub's comment limit: left out ${cuts.join(", ")}._`, "");
  }
  for (const section of options.sections ?? []) out.push(section, "");
  if (options.footer) out.push(options.footer);
  return `${out.join("\n").trimEnd()}
`;
}
function verdict(impact, counts) {
  if (impact.unjudged.length > 0 && counts.impacted === 0)
    return `**unknown**: ${plural(impact.unjudged.length, "thing")} could not be judged, and nothing judged is impacted.`;
  if (counts.changed === 0) return "**no risk**: this change touches no declared node.";
  if (counts.impacted === 0)
    return `**no risk**: ${plural(counts.changed, "node")} changed, nothing downstream depends on ${counts.changed === 1 ? "it" : "them"}.`;
  return `**${impact.risk} risk**: this change can break ${plural(counts.breaking, "node")} and puts ${counts.atRisk} more at risk, owned by ${plural(counts.owners, "team")}.`;
}
function ownerLine(owner2, mention) {
  const name = owner2.id === void 0 ? "_no owner_" : code(owner2.id);
  const valid = githubHandle(owner2);
  const handle = valid && (mention ? valid : code(valid));
  const chat = owner2.chat ? ` ${code(owner2.chat)}` : "";
  const hits = [];
  if (owner2.breaking.length > 0) hits.push(`breaking: ${list2(owner2.breaking)}`);
  if (owner2.atRisk.length > 0) hits.push(`at risk: ${list2(owner2.atRisk)}`);
  return `${name}${handle ? ` ${handle}` : ""}${chat} \u2014 ${hits.join("; ")}`;
}
function list2(ids2, max = 10) {
  const shown = ids2.slice(0, max).map(code).join(", ");
  return ids2.length > max ? `${shown} and ${ids2.length - max} more` : shown;
}
function markdownPath(path) {
  let out = `${code(path.changed)} _(${text2(path.changeClass)})_`;
  for (const step of path.steps)
    out += ` \u2192 _${text2(step.via)}${step.discovered ? " (found in Terraform, not declared)" : ""}_ \u2192 ${code(step.to)}`;
  return out;
}

// src/core/render/render-comment.ts
var META_VERSION = 1;
var META_BUDGET = 12e3;
var OPEN_META = "<!-- blastradius:analysis";
var MARKER_PREFIX = "<!-- blastradius:comment ";
function commentMarker(deps) {
  return `${MARKER_PREFIX}${inertJsonText(JSON.stringify(deps)).replace(/-->/g, "--\\u003e")} -->`;
}
function inertJson(value) {
  return inertJsonText(JSON.stringify(value)).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
function metaOf(impact, base, previous) {
  const impacted = [];
  let size = 0;
  let cut = false;
  for (const node3 of impact.impacted) {
    const entry = {
      id: node3.id,
      severity: node3.severity,
      depth: node3.depth,
      ...node3.owner ? { owner: node3.owner } : {}
    };
    size += inertJson(entry).length + 1;
    if (size > META_BUDGET) {
      cut = true;
      break;
    }
    impacted.push(entry);
  }
  return {
    version: META_VERSION,
    ...base,
    risk: impact.risk,
    peakRisk: higherRisk(impact.risk, previous?.peakRisk ?? previous?.risk),
    changed: impact.changed.map((c) => c.id),
    impactedCount: impact.impacted.length,
    impacted,
    impactedCut: cut,
    owners: impact.owners.flatMap((o) => o.id === void 0 ? [] : [o.id]),
    unjudged: impact.unjudged.length
  };
}
function higherRisk(a, b) {
  return b !== void 0 && RISKS.indexOf(b) > RISKS.indexOf(a) ? b : a;
}
function renderComment(impact, options) {
  const marker = commentMarker(options.meta.deps);
  const footer = `${OPEN_META}
${inertJson(options.meta)}
-->`;
  const body = renderMarkdown(impact, {
    mentionOwners: options.mentionOwners,
    notices: options.notices,
    sections: options.sections,
    footer,
    limit: GITHUB_COMMENT_LIMIT - marker.length - 1
  });
  return `${marker}
${body}`;
}
function readCommentMeta(body) {
  const start = body.lastIndexOf(OPEN_META);
  if (start < 0) return void 0;
  const end = body.indexOf("-->", start);
  if (end < 0) return void 0;
  try {
    const value = JSON.parse(body.slice(start + OPEN_META.length, end));
    if (typeof value !== "object" || value === null || typeof value.headSha !== "string" || typeof value.validAt !== "string")
      return void 0;
    return value;
  } catch {
    return void 0;
  }
}
function stableBody(body) {
  return body.replace(/"validAt":"[^"]*"/, "");
}

// src/core/explore/trees.ts
var reverse = /* @__PURE__ */ new WeakMap();
function upstreamOf(graph) {
  let index2 = reverse.get(graph);
  if (!index2) {
    const n = graph.ids.length;
    const degree = new Int32Array(n + 1);
    for (const t of graph.targets) degree[t + 1] = degree[t + 1] + 1;
    for (let i = 0; i < n; i++) degree[i + 1] = degree[i + 1] + degree[i];
    const cursor = degree.slice(0, n);
    const edges = new Int32Array(graph.targets.length);
    for (let e = 0; e < graph.targets.length; e++) {
      const t = graph.targets[e];
      edges[cursor[t]++] = e;
    }
    index2 = { offsets: degree, edges };
    reverse.set(graph, index2);
  }
  return index2;
}
function neighbours(graph, node3, direction) {
  const out = [];
  if (direction === "down") {
    for (let e = graph.offsets[node3]; e < graph.offsets[node3 + 1]; e++)
      out.push([graph.targets[e], e]);
  } else {
    const up = upstreamOf(graph);
    for (let i = up.offsets[node3]; i < up.offsets[node3 + 1]; i++) {
      const e = up.edges[i];
      out.push([graph.sources[e], e]);
    }
  }
  return out;
}

// src/core/report/build-report.ts
var day = (seconds) => new Date(seconds * 1e3).toISOString().slice(0, 10);
function impactOf(model, record2) {
  if (record2.atMerge) return { impact: record2.atMerge, recomputed: false };
  const impact = analyze(
    model,
    record2.files.map((f) => record2.repo ? { ...f, repo: record2.repo.toLowerCase() } : f)
  );
  return {
    impact: {
      risk: impact.risk,
      changed: impact.changed.map((c) => c.id),
      impacted: impact.impacted.map((n) => ({
        id: n.id,
        severity: n.severity,
        ...n.owner ? { owner: n.owner } : {}
      }))
    },
    recomputed: true
  };
}
function headlineOf(changes) {
  const byRisk = Object.fromEntries(RISKS.map((r) => [r, 0]));
  for (const c of changes) byRisk[c.impact.risk]++;
  return {
    changes: changes.length,
    withImpact: changes.filter((c) => c.impact.impacted.length > 0).length,
    byRisk
  };
}
function largestReach(model, top) {
  const graph = model.compact;
  const n = graph.ids.length;
  const candidates2 = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => graph.offsets[b + 1] - graph.offsets[b] - (graph.offsets[a + 1] - graph.offsets[a])
  ).slice(0, 200);
  const seen = new Int32Array(n).fill(-1);
  const result = candidates2.map((start) => {
    let count2 = 0;
    const queue = [start];
    seen[start] = start;
    for (let head = 0; head < queue.length; head++) {
      for (const [m] of neighbours(graph, queue[head], "down")) {
        if (seen[m] === start) continue;
        seen[m] = start;
        count2++;
        queue.push(m);
      }
    }
    return { node: graph.ids[start], downstream: count2 };
  });
  return result.filter((r) => r.downstream > 0).sort((a, b) => b.downstream - a.downstream || (a.node < b.node ? -1 : 1)).slice(0, top);
}
function buildReport(model, window2, records, previousRecords) {
  const changes = [...records].sort((a, b) => b.time - a.time).map((record2) => {
    const { files, atMerge: _atMerge, ...rest } = record2;
    return { ...rest, ...impactOf(model, record2), fileCount: files.length };
  });
  const order = (c) => RISKS.indexOf(c.impact.risk) * 1e9 + c.impact.impacted.length;
  const riskiest = changes.filter((c) => c.impact.impacted.length > 0).sort((a, b) => order(b) - order(a)).slice(0, 10);
  const byOwner = /* @__PURE__ */ new Map();
  const hits = /* @__PURE__ */ new Map();
  for (const change of changes) {
    const mine = /* @__PURE__ */ new Map();
    for (const node3 of change.impact.impacted) {
      const spot = hits.get(node3.id) ?? { times: 0, breaking: 0 };
      spot.times++;
      if (node3.severity === "breaking") spot.breaking++;
      hits.set(node3.id, spot);
      if (!node3.owner) continue;
      const entry = mine.get(node3.owner) ?? { breaking: [], atRisk: [] };
      (node3.severity === "breaking" ? entry.breaking : entry.atRisk).push(node3.id);
      mine.set(node3.owner, entry);
    }
    for (const [owner2, nodes] of mine) {
      const list3 = byOwner.get(owner2) ?? [];
      list3.push({
        id: change.id,
        title: change.title,
        ...change.url ? { url: change.url } : {},
        ...nodes
      });
      byOwner.set(owner2, list3);
    }
  }
  const owners = [...byOwner.entries()].sort(([a], [b]) => a < b ? -1 : 1).map(([owner2, list3]) => {
    const github = model.config.owners.get(owner2)?.github;
    return { owner: owner2, ...github ? { github } : {}, changes: list3 };
  });
  const hotspots = [...hits.entries()].map(([node3, h]) => ({ node: node3, ...h })).sort((a, b) => b.times - a.times || b.breaking - a.breaking || (a.node < b.node ? -1 : 1)).slice(0, 10);
  const days = /* @__PURE__ */ new Map();
  for (let t = window2.since; t <= window2.until; t += 86400)
    days.set(day(t), { changes: 0, impacted: 0 });
  for (const c of changes) {
    const d = days.get(day(c.time)) ?? { changes: 0, impacted: 0 };
    d.changes++;
    d.impacted += c.impact.impacted.length;
    days.set(day(c.time), d);
  }
  const touched = /* @__PURE__ */ new Set();
  for (const record2 of records) {
    for (const f of record2.files)
      for (const hit of model.paths.match(f.path, record2.repo?.toLowerCase()))
        touched.add(`${hit.node}\0${hit.rule.source}`);
  }
  const unmatchedRules = [];
  for (const node3 of model.config.nodes.values()) {
    for (const rule of node3.match.paths)
      if (!touched.has(`${node3.id}\0${rule.source}`))
        unmatchedRules.push({ node: node3.id, rule: rule.source });
  }
  return {
    since: window2.since,
    until: window2.until,
    source: window2.source,
    headline: headlineOf(changes),
    ...previousRecords ? {
      previous: headlineOf(
        previousRecords.map((r) => ({
          ...r,
          ...impactOf(model, r),
          fileCount: r.files.length
        }))
      )
    } : {},
    changes,
    riskiest,
    owners,
    hotspots,
    perDay: [...days.entries()].sort(([a], [b]) => a < b ? -1 : 1).map(([d, v]) => ({ day: d, ...v })),
    health: {
      noOwner: [...model.config.nodes.values()].filter((n) => !n.owner).map((n) => n.id),
      unmatchedRules,
      reach: largestReach(model, 10),
      cycles: findCycles(model.compact)
    }
  };
}

// src/app/sticky-comment.ts
var DEFAULT_COMMENT_AUTHOR = "github-actions[bot]";
function isOwnComment(comment, marker, author) {
  if (!comment.body.startsWith(marker)) return false;
  return comment.author.toLowerCase() === (author ?? DEFAULT_COMMENT_AUTHOR).toLowerCase();
}
async function findStickyComment(port, repo, issue, deps, author) {
  const marker = commentMarker(deps);
  const comments = await port.listComments(repo, issue);
  const own = comments.filter((c) => isOwnComment(c, marker, author));
  const foreign = comments.filter((c) => c.body.includes(marker)).length - own.length;
  return { own, foreign };
}
async function upsertStickyComment(port, request2, found) {
  const [existing, ...duplicates] = found.own;
  const common = { foreign: found.foreign, removedDuplicates: 0 };
  if (!existing) {
    if (!request2.postWhenEmpty && !request2.hasImpact)
      return { ...common, action: "skipped-no-impact" };
    const created = await port.createComment(request2.repo, request2.issue, request2.body);
    return { ...common, action: "created", url: created.url };
  }
  const before = readCommentMeta(existing.body);
  if (before && before.validAt > request2.validAt) {
    return { ...common, action: "skipped-newer", url: existing.url };
  }
  for (const duplicate of duplicates) await port.deleteComment(request2.repo, duplicate.id);
  const removed = { ...common, removedDuplicates: duplicates.length };
  if (stableBody(existing.body) === stableBody(request2.body)) {
    return { ...removed, action: "unchanged", url: existing.url };
  }
  if (request2.mode === "recreate") {
    await port.deleteComment(request2.repo, existing.id);
    const created = await port.createComment(request2.repo, request2.issue, request2.body);
    return { ...removed, action: "recreated", url: created.url };
  }
  const updated = await port.updateComment(request2.repo, existing.id, request2.body);
  return { ...removed, action: "updated", url: updated.url };
}

// src/app/merged-changes.ts
async function mergedChanges(port, repos, options) {
  const records = [];
  for (const repo of repos) {
    const merged = (await port.listMergedPullRequests(repo, options.since, options.max ?? 200)).filter((p) => p.mergedAt <= options.until);
    for (const pull of merged) {
      const comments = await port.listComments(repo, pull.number);
      const ours = comments.find((c) => isOwnComment(c, MARKER_PREFIX, options.commentAuthor));
      const meta = ours ? readCommentMeta(ours.body) : void 0;
      const common = {
        id: `#${pull.number}`,
        title: pull.title,
        author: pull.author,
        time: pull.mergedAt,
        url: pull.htmlUrl,
        repo
      };
      if (meta && !meta.impactedCut) {
        records.push({
          ...common,
          files: options.withFiles ? await port.listPullRequestFiles(repo, pull.number) : [],
          atMerge: { risk: meta.risk, changed: meta.changed, impacted: meta.impacted }
        });
      } else {
        records.push({ ...common, files: await port.listPullRequestFiles(repo, pull.number) });
      }
    }
  }
  return records;
}
async function reportMergedPullRequests(port, model, repos, window2) {
  const { since, until } = window2;
  const records = await mergedChanges(port, repos, { since, until });
  const previous = await mergedChanges(port, repos, {
    since: since - (until - since),
    until: since - 1
  });
  const source = `pull requests merged in ${repos.join(", ")}`;
  return {
    ...buildReport(model, { since, until, source }, records, previous),
    requests: port.requestCount()
  };
}

// src/app/post-report.ts
var REPORT_LABEL = "blast-radius-report";
function isoWeek(seconds) {
  const date2 = new Date(seconds * 1e3);
  const day2 = (date2.getUTCDay() + 6) % 7;
  date2.setUTCDate(date2.getUTCDate() - day2 + 3);
  const firstThursday = new Date(Date.UTC(date2.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(
    ((date2.getTime() - firstThursday.getTime()) / 864e5 - 3 + (firstThursday.getUTCDay() + 6) % 7) / 7
  );
  return `${date2.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
function reportMarker(week) {
  return `<!-- blastradius:report ${week} -->`;
}
async function postReportIssue(port, repo, report2, markdown) {
  const week = isoWeek(report2.until);
  const title = `Blast-radius report ${week}: ${report2.headline.withImpact} of ${report2.headline.changes} changes with downstream impact`;
  const marker = reportMarker(week);
  const body = `${marker}
${markdown}`;
  const existing = (await port.listIssuesWithLabel(repo, REPORT_LABEL)).find(
    (i) => i.body.startsWith(marker)
  );
  if (existing) {
    return { action: "updated", issue: await port.updateIssue(repo, existing.number, title, body) };
  }
  return { action: "created", issue: await port.createIssue(repo, title, body, [REPORT_LABEL]) };
}

// src/core/gate.ts
function reachesThreshold(risk, failOn) {
  return failOn !== "none" && RISKS.indexOf(risk) >= RISKS.indexOf(failOn);
}
function breakingIds(impact) {
  return impact.impacted.filter((n) => n.severity === "breaking").map((n) => n.id);
}
function acknowledgementOf(impact, headSha) {
  return {
    headSha,
    risk: impact.risk,
    breaking: breakingIds(impact),
    unjudged: impact.unjudged.length
  };
}
function beyondAcknowledged(impact, acknowledged) {
  const beyond = [];
  if (RISKS.indexOf(impact.risk) > RISKS.indexOf(acknowledged.risk))
    beyond.push(`risk ${impact.risk} (acknowledged at ${acknowledged.risk})`);
  const known = new Set(acknowledged.breaking);
  const added = breakingIds(impact).filter((id) => !known.has(id));
  if (added.length > 0)
    beyond.push(
      `new breaking ${added.length === 1 ? "node" : "nodes"} ${added.slice(0, 10).join(", ")}${added.length > 10 ? ` and ${added.length - 10} more` : ""}`
    );
  if (impact.unjudged.length > acknowledged.unjudged)
    beyond.push(
      `${impact.unjudged.length} not judged (acknowledged with ${acknowledged.unjudged})`
    );
  return beyond;
}
function evaluateGate(impact, options) {
  const { failOn, acknowledgeLabel } = options;
  const incomplete = failOn !== "none" && impact.unjudged.length > 0 && (options.onIncomplete ?? "fail") === "fail";
  const atThreshold = reachesThreshold(impact.risk, failOn);
  if (!atThreshold && !incomplete)
    return { verdict: "pass", causes: [], acknowledgeLabel, atThreshold, incomplete: false };
  const causes = [...impact.impacted].sort(byConcern).slice(0, 10).map((n) => n.id);
  if (!options.labels.includes(acknowledgeLabel))
    return { verdict: "fail", causes, acknowledgeLabel, atThreshold, incomplete };
  const beyond = options.acknowledged === "unseen" ? ["the label was added before any analysis was shown"] : options.acknowledged ? beyondAcknowledged(impact, options.acknowledged) : [];
  if (beyond.length > 0)
    return { verdict: "stale", causes, acknowledgeLabel, atThreshold, incomplete, beyond };
  return { verdict: "acknowledged", causes, acknowledgeLabel, atThreshold, incomplete };
}
function describeGate(gate, risk, failOn, acknowledgementRemoved = false) {
  if (gate.verdict === "pass") return void 0;
  const reasons = [
    ...gate.incomplete ? ["the analysis is incomplete (on-incomplete: fail)"] : [],
    ...gate.atThreshold ? [`risk is ${risk}, at or above fail-on ${failOn}`] : []
  ].join(" and ");
  const causes = gate.causes.length > 0 ? `, because of ${gate.causes.join(", ")}` : "";
  const label = `"${gate.acknowledgeLabel}"`;
  if (gate.verdict === "fail")
    return `${reasons}${causes}. To merge anyway, add the label ${label} to the pull request and re-run this check.`;
  if (gate.verdict === "stale")
    return `${reasons}${causes}. The label ${label} does not cover this analysis: ${(gate.beyond ?? []).join("; ")}. ${acknowledgementRemoved ? "It was removed: add it again once this is reviewed." : "Remove it and add it again once this is reviewed."}`;
  return `${reasons}, but the pull request is labelled ${label}, and that acknowledgement covers this analysis.`;
}

// src/core/graph-diff.ts
var edgeKey = (e) => `${e.from}\0${e.to}\0${e.via}`;
var sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
function changedFields(before, after) {
  const fields = [];
  if (before.kind !== after.kind) fields.push("kind");
  if (before.owner !== after.owner) fields.push("owner");
  if (before.tier !== after.tier) fields.push("tier");
  const rules = (n) => n.match.paths.map((r) => r.source);
  if (!sameList(rules(before), rules(after))) fields.push("match.paths");
  if (!sameList(before.match.terraform, after.match.terraform)) fields.push("match.terraform");
  if (!sameList(before.match.kubernetes, after.match.kubernetes)) fields.push("match.kubernetes");
  const breaks = new Map(
    before.dependsOn.map((e) => [edgeKey(e), (e.breaksOn ?? ["*"]).join(",")])
  );
  if (after.dependsOn.some(
    (e) => breaks.has(edgeKey(e)) && breaks.get(edgeKey(e)) !== (e.breaksOn ?? ["*"]).join(",")
  ))
    fields.push("breaks_on");
  return fields;
}
function diffGraphs(before, after) {
  const nodesAdded = [];
  const nodesRemoved = [];
  const nodesChanged = [];
  const edgesAdded = [];
  const edgesRemoved = [];
  const edgesOf = (config) => {
    const edges = /* @__PURE__ */ new Map();
    for (const node3 of config.nodes.values())
      for (const e of node3.dependsOn) edges.set(edgeKey(e), e);
    return edges;
  };
  for (const [id, node3] of after.nodes) {
    const old = before.nodes.get(id);
    if (!old) nodesAdded.push(id);
    else {
      const fields = changedFields(old, node3);
      if (fields.length > 0) nodesChanged.push({ id, fields });
    }
  }
  for (const id of before.nodes.keys()) if (!after.nodes.has(id)) nodesRemoved.push(id);
  const beforeEdges = edgesOf(before);
  const afterEdges = edgesOf(after);
  const plain = ({ from, to, via }) => ({ from, to, via });
  for (const [key, e] of afterEdges) if (!beforeEdges.has(key)) edgesAdded.push(plain(e));
  for (const [key, e] of beforeEdges) if (!afterEdges.has(key)) edgesRemoved.push(plain(e));
  const byId = (a, b) => a < b ? -1 : a > b ? 1 : 0;
  const byEdge = (a, b) => byId(a.from, b.from) || byId(a.to, b.to) || byId(a.via, b.via);
  return {
    nodesAdded: nodesAdded.sort(byId),
    nodesRemoved: nodesRemoved.sort(byId),
    nodesChanged: nodesChanged.sort((a, b) => byId(a.id, b.id)),
    edgesAdded: edgesAdded.sort(byEdge),
    edgesRemoved: edgesRemoved.sort(byEdge)
  };
}
function isEmptyDiff(diff) {
  return diff.nodesAdded.length + diff.nodesRemoved.length + diff.nodesChanged.length + diff.edgesAdded.length + diff.edgesRemoved.length === 0;
}

// src/core/render/render-graph-diff.ts
var MAX_ITEMS = 25;
function bullets(items) {
  const shown = items.slice(0, MAX_ITEMS).map((item) => `- ${item}`);
  if (items.length > MAX_ITEMS) shown.push(`- \u2026and ${items.length - MAX_ITEMS} more`);
  return shown;
}
function renderGraphDiff(file, diff) {
  const counted = [
    [diff.nodesAdded.length, "node", "added"],
    [diff.nodesRemoved.length, "node", "removed"],
    [diff.nodesChanged.length, "node", "changed"],
    [diff.edgesAdded.length, "edge", "added"],
    [diff.edgesRemoved.length, "edge", "removed"]
  ];
  const parts = counted.filter(([n]) => n > 0).map(([n, what, how]) => `${plural(n, what)} ${how}`);
  const out = [
    `#### This pull request changes the dependency graph (${code(file)})`,
    "",
    isEmptyDiff(diff) ? "The file changed, but not the nodes, edges or match rules in it." : `${parts.join(", ")}. The analysis above used the graph at the base commit; these changes apply once merged.`
  ];
  const edge = (e) => `${code(e.from)} depends on ${code(e.to)} _(${text2(e.via)})_`;
  const sections = [
    ["Nodes added", diff.nodesAdded.map(code)],
    ["Nodes removed", diff.nodesRemoved.map(code)],
    ["Nodes changed", diff.nodesChanged.map((n) => `${code(n.id)}: ${n.fields.join(", ")}`)],
    ["Edges added", diff.edgesAdded.map(edge)],
    ["Edges removed", diff.edgesRemoved.map(edge)]
  ];
  for (const [title, items] of sections) {
    if (items.length === 0) continue;
    out.push("", `**${title}:**`, ...bullets(items));
  }
  return out.join("\n");
}
function renderBrokenGraph(file, errors) {
  return [
    `#### This pull request breaks the dependency graph (${code(file)})`,
    "",
    `At the head commit it has ${plural(errors.length, "error")}; run \`blastradius validate\` to see them all:`,
    "",
    ...bullets(errors.map(code))
  ].join("\n");
}

// src/adapters/terraform/parse-hcl.ts
var parser;
function load() {
  parser ??= Promise.resolve().then(() => __toESM(require_lib2(), 1)).then((m) => m.parse);
  return parser;
}
var JSONENCODE = /^\$\{jsonencode\(([\s\S]*)\)\}$/;
async function parseTerraform(file, text4, options = {}) {
  const parse3 = await load();
  const json = await parse3(file, text4);
  if (options.evaluate === false) return json;
  const evaluate2 = async (value) => {
    if (typeof value === "string") {
      const inner = JSONENCODE.exec(value)?.[1];
      if (inner === void 0) return value;
      try {
        const parsed2 = (await parse3("jsonencode.tf", `value = ${inner}
`)).value;
        return JSON.stringify(parsed2).includes("${") ? value : parsed2;
      } catch {
        return value;
      }
    }
    if (Array.isArray(value)) return Promise.all(value.map(evaluate2));
    if (value !== null && typeof value === "object") {
      const out = {};
      for (const [k, v] of Object.entries(value)) out[k] = await evaluate2(v);
      return out;
    }
    return value;
  };
  return await evaluate2(json);
}

// src/core/classify/iam-policy-file.ts
function read(text4) {
  return text4 === void 0 ? void 0 : policyFromJson(text4);
}
function classifyPolicyFile(path, base, head) {
  const before = read(base);
  const after = read(head);
  if (!before && !after) return void 0;
  const facts = (doc) => isTrustPolicy(doc) ? { exists: true, trust: doc, policies: [] } : { exists: true, policies: [doc] };
  const common = { system: "iam-policy", address: path, type: "iam-policy-document" };
  if (!after) {
    return [
      {
        ...common,
        classes: ["deleted"],
        evidence: [{ file: path, detail: "the policy document is deleted" }],
        ...before ? { before: facts(before) } : {},
        after: { exists: false, policies: [] }
      }
    ];
  }
  if (!before) {
    return [
      {
        ...common,
        classes: ["added"],
        evidence: [{ file: path, detail: "a new policy document" }],
        after: facts(after)
      }
    ];
  }
  const result = comparePolicies(before, after);
  if (result.classes.length === 0) return [];
  const lines = (head ?? "").split("\n");
  return [
    {
      ...common,
      classes: result.classes,
      evidence: result.details.map((detail) => {
        const needle = /(?:allows|denies|trusts) (?:\S+ )?(\S+?)(?: on| \(|$)/.exec(detail)?.[1];
        const index2 = needle ? lines.findIndex((l) => l.includes(needle)) : -1;
        return { file: path, ...index2 >= 0 ? { line: index2 + 1 } : {}, detail };
      }),
      before: facts(before),
      after: facts(after)
    }
  ];
}

// src/core/classify/kubernetes-aggregation.ts
function selects(selector, labels) {
  const s = record(selector);
  const label = (key) => typeof labels[key] === "string" ? labels[key] : void 0;
  for (const [key, value] of Object.entries(record(s.matchLabels))) {
    if (typeof value !== "string") return void 0;
    if (label(key) !== value) return false;
  }
  if (s.matchExpressions !== void 0 && !Array.isArray(s.matchExpressions)) return void 0;
  for (const expression of s.matchExpressions ?? []) {
    const e = record(expression);
    const key = typeof e.key === "string" ? e.key : void 0;
    const values2 = Array.isArray(e.values) ? e.values.map(String) : [];
    if (key === void 0) return void 0;
    const has = label(key);
    switch (e.operator) {
      case "In":
        if (has === void 0 || !values2.includes(has)) return false;
        break;
      case "NotIn":
        if (has !== void 0 && values2.includes(has)) return false;
        break;
      case "Exists":
        if (has === void 0) return false;
        break;
      case "DoesNotExist":
        if (has !== void 0) return false;
        break;
      default:
        return void 0;
    }
  }
  return true;
}
function aggregates(aggregator, role) {
  if (aggregator.kind !== "ClusterRole" || role.kind !== "ClusterRole") return false;
  if (aggregator.name === role.name) return false;
  const rule = aggregator.body.aggregationRule;
  if (rule === void 0 || rule === null) return false;
  const selectors = record(rule).clusterRoleSelectors;
  if (!Array.isArray(selectors)) return void 0;
  const labels = record(record(role.body.metadata).labels);
  let unreadable3 = false;
  for (const selector of selectors) {
    const hit = selects(selector, labels);
    if (hit === true) return true;
    if (hit === void 0) unreadable3 = true;
  }
  return unreadable3 ? void 0 : false;
}
var isAggregated = (o) => o?.kind === "ClusterRole" && o.body.aggregationRule !== void 0 && o.body.aggregationRule !== null;
function aggregatedChange(role, aggregator, grants2, covered, describe2, at3) {
  const same4 = (a, b) => a !== void 0 && b !== void 0 && JSON.stringify(record(a.body.metadata).labels ?? null) === JSON.stringify(record(b.body.metadata).labels ?? null) && JSON.stringify(a.body.rules ?? null) === JSON.stringify(b.body.rules ?? null);
  if (same4(role.was, role.now)) return void 0;
  const before = aggregator.was && role.was ? aggregates(aggregator.was, role.was) : false;
  const after = aggregator.now && role.now ? aggregates(aggregator.now, role.now) : false;
  if (before === false && after === false) return void 0;
  const target = aggregator.now ?? aggregator.was;
  const name = role.now ?? role.was;
  const address = objectAddress(target);
  const via = `ClusterRole ${target.name} aggregates ClusterRole ${name.name}`;
  const classes = /* @__PURE__ */ new Set();
  const evidence = [];
  if (before === void 0 || after === void 0) {
    classes.add("unknown");
    evidence.push({ address, ...at3, detail: `${via} by a selector that cannot be read` });
  } else {
    const had = before && role.was ? grants2(role.was) : [];
    const has = after && role.now ? grants2(role.now) : [];
    for (const g of had)
      if (!covered(g, has)) {
        classes.add("permissions-removed");
        evidence.push({ address, ...at3, detail: `${via}: no longer allows ${describe2(g)}` });
      }
    for (const g of has)
      if (!covered(g, had)) {
        classes.add("permissions-added");
        evidence.push({ address, ...at3, detail: `${via}: now allows ${describe2(g)}` });
      }
  }
  if (classes.size === 0) return void 0;
  return {
    system: "kubernetes",
    address,
    type: "ClusterRole",
    classes: [...classes].sort(compareClasses),
    evidence
  };
}

// src/core/classify/kubernetes-fields.ts
var IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
var COLLAPSED = /(^|\.)(labels|annotations|data|stringData|binaryData)$/;
var SHOWN = 3;
var isMap = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var join2 = (path, key) => IDENTIFIER.test(key) ? path === "" ? key : `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
function changedFields2(was, now, limit = 50) {
  const out = [];
  const walk2 = (a, b, path) => {
    if (out.length > limit) return;
    if (COLLAPSED.test(path) || !isMap(a) && !Array.isArray(a) || !isMap(b) && !Array.isArray(b)) {
      if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) {
        if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path);
        return;
      }
      for (let i = 0; i < a.length; i++) walk2(a[i], b[i], `${path}[${i}]`);
      return;
    }
    if (isMap(a) && isMap(b)) {
      for (const key of /* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)]))
        walk2(a[key], b[key], join2(path, key));
      return;
    }
    out.push(path);
  };
  walk2(was, now, "");
  return out;
}
function describeFields(all) {
  if (all.length === 0) return "nothing changes";
  const bookkeeping = (f) => /(labels|annotations)$/.test(f);
  const fields = [...all.filter((f) => !bookkeeping(f)), ...all.filter(bookkeeping)];
  const plural2 = fields.length > 1 || /(labels|annotations|Data|data)$/.test(fields[0]);
  const verb = plural2 ? "change" : "changes";
  if (fields.length <= SHOWN) {
    const list3 = fields.length === 1 ? fields[0] : `${fields.slice(0, -1).join(", ")} and ${fields[fields.length - 1]}`;
    return `${list3} ${verb}`;
  }
  const rest = fields.length - SHOWN;
  const others = rest >= 50 ? "many other fields" : `${rest} other field${rest === 1 ? "" : "s"}`;
  return `${fields.slice(0, SHOWN).join(", ")} and ${others} ${verb}`;
}

// src/core/classify/kubernetes-manifests.ts
var RBAC_KINDS = /* @__PURE__ */ new Set([
  "Role",
  "ClusterRole",
  "RoleBinding",
  "ClusterRoleBinding",
  "ServiceAccount"
]);
function manifestObjects(text4, wanted) {
  return readManifest(text4, wanted)?.objects;
}
function readManifest(text4, wanted) {
  const parsed2 = parseDocuments(text4, "", { maxExpanded: MAX_EXPANDED_NODES });
  if (!parsed2.ok) return void 0;
  const objects = [];
  const rest = [];
  for (const doc of parsed2.documents) {
    const d = record(doc.value);
    const listKind = typeof d.kind === "string" ? d.kind : "";
    const isList2 = listKind.endsWith("List") && Array.isArray(d.items);
    const items = isList2 ? d.items.map((value, i) => ({ value, at: ["items", i] })) : [{ value: doc.value, at: [] }];
    const itemKind = isList2 && listKind !== "List" ? listKind.slice(0, -"List".length) : "";
    for (const { value, at: at3 } of items) {
      const body = record(value);
      const kind = typeof body.kind === "string" && body.kind !== "" ? body.kind : itemKind;
      const metadata = record(body.metadata);
      if (kind === "" || typeof metadata.name !== "string") {
        if (value !== null && value !== void 0) rest.push(value);
        continue;
      }
      if (wanted && !wanted.has(kind)) continue;
      const kindLine = doc.lineOf([...at3, "kind"]) ?? doc.lineOf([...at3, "metadata"]);
      const nameLine = doc.lineOf([...at3, "metadata", "name"]);
      objects.push({
        kind,
        name: metadata.name,
        ...typeof metadata.namespace === "string" && metadata.namespace !== "" ? { namespace: metadata.namespace } : {},
        body,
        ...kindLine !== void 0 ? { kindLine } : {},
        ...nameLine !== void 0 ? { nameLine } : {}
      });
    }
  }
  return { objects, rest };
}

// src/core/classify/kubernetes-rbac.ts
var strings2 = (v) => Array.isArray(v) ? v.map(String) : [];
function rbacObjects(text4) {
  return manifestObjects(text4, RBAC_KINDS);
}
function grants(o) {
  const out = [];
  for (const rule of Array.isArray(o.body.rules) ? o.body.rules : []) {
    const r = record(rule);
    const groups2 = strings2(r.apiGroups);
    const names2 = strings2(r.resourceNames);
    for (const verb of strings2(r.verbs)) {
      for (const group of groups2.length ? groups2 : [""]) {
        for (const resource of strings2(r.resources)) {
          for (const name of names2.length ? names2 : ["*"])
            out.push(`${verb} ${group === "" ? "core" : group}/${resource}/${name}`);
        }
      }
      for (const url of strings2(r.nonResourceURLs)) out.push(`${verb} url:${url}`);
    }
  }
  return [...new Set(out)];
}
var grantCovered = (grant, by) => by.some((g) => covers(g, grant, false));
var describeGrant = (g) => g.replace(/\/\*$/, "");
function subjects(o) {
  return (Array.isArray(o.body.subjects) ? o.body.subjects : []).map((s) => {
    const r = record(s);
    return `${String(r.kind ?? "")} ${r.namespace ? `${String(r.namespace)}/` : ""}${String(r.name ?? "")}`;
  });
}
function roleRef(o) {
  const r = record(o.body.roleRef);
  return `${String(r.kind ?? "")}/${String(r.name ?? "")}`;
}
var lineOf = (o) => o.nameLine ?? o.kindLine;
var RBAC_FIELDS = /* @__PURE__ */ new Set(["rules", "subjects", "roleRef"]);
function compareObject(was, now, file, move) {
  const o = now ?? was;
  const address = objectAddress(o);
  const at3 = () => {
    const line = lineOf(move?.to !== void 0 && was ? was : o);
    return { file: file.path, ...line ? { line } : {} };
  };
  const evidence = [];
  const classes = /* @__PURE__ */ new Set();
  const note = (cls, detail) => {
    classes.add(cls);
    evidence.push({ address, ...at3(), detail });
  };
  if (!now) note("deleted", `${o.kind} ${o.name} is deleted`);
  else if (!was) note("added", `${o.kind} ${o.name} is added`);
  else {
    if (o.kind === "Role" || o.kind === "ClusterRole") {
      const before = grants(was);
      const after = grants(now);
      for (const g of before)
        if (!grantCovered(g, after))
          note("permissions-removed", `no longer allows ${describeGrant(g)}`);
      for (const g of after)
        if (!grantCovered(g, before)) note("permissions-added", `now allows ${describeGrant(g)}`);
    }
    if (o.kind === "ClusterRole" && (isAggregated(was) || isAggregated(now)) && JSON.stringify(was.body.aggregationRule ?? null) !== JSON.stringify(now.body.aggregationRule ?? null))
      note(
        "unknown",
        `aggregationRule changes: the controller replaces the rules of ClusterRole ${o.name} with those of the ClusterRoles it selects, which the cluster knows`
      );
    if (o.kind === "RoleBinding" || o.kind === "ClusterRoleBinding") {
      if (roleRef(was) !== roleRef(now)) {
        note(
          "replaced",
          `roleRef changes from ${roleRef(was)} to ${roleRef(now)}: it cannot change in place, so the binding is recreated`
        );
      }
      const before = subjects(was);
      const after = subjects(now);
      for (const s of before)
        if (!after.includes(s)) note("trust-narrowed", `no longer binds ${s}`);
      for (const s of after) if (!before.includes(s)) note("trust-widened", `now binds ${s}`);
    }
    const fields = changedFields2(was.body, now.body).filter(
      (f) => !(RBAC_KINDS.has(o.kind) && RBAC_FIELDS.has(f.split(/[.[]/)[0]))
    );
    if (fields.length > 0) note("modified", describeFields(fields));
    if (move !== void 0 && classes.size > 0)
      evidence.push({
        address,
        ...at3(),
        detail: move.from !== void 0 ? `${o.kind} ${o.name} moves here from ${move.from}` : `${o.kind} ${o.name} moves to ${move.to}`
      });
  }
  if (classes.size === 0) return void 0;
  return {
    system: "kubernetes",
    address,
    type: o.kind,
    classes: [...classes].sort(compareClasses),
    evidence
  };
}
var byAddress = (objects) => new Map(objects.map((o) => [objectAddress(o), o]));
function classifyManifestFiles(files, context = []) {
  const result = /* @__PURE__ */ new Map();
  const read2 = [];
  const others = [];
  const none = { objects: [], rest: [] };
  for (const file of files) {
    const before = file.base === void 0 ? none : readManifest(file.base);
    const after = file.head === void 0 ? none : readManifest(file.head);
    if (before === void 0 || after === void 0 || before.objects.length + after.objects.length === 0) {
      result.set(file.path, void 0);
      continue;
    }
    read2.push({ file, was: byAddress(before.objects), now: byAddress(after.objects) });
    if (JSON.stringify(before.rest) !== JSON.stringify(after.rest)) {
      others.push({
        file,
        change: {
          system: "file",
          address: file.path,
          type: "file",
          classes: ["modified"],
          evidence: [
            {
              file: file.path,
              detail: "parts of the file that are not Kubernetes objects change"
            }
          ]
        }
      });
    }
  }
  const atHead = /* @__PURE__ */ new Map();
  const gone = /* @__PURE__ */ new Map();
  for (const r of read2) {
    for (const key of r.now.keys()) atHead.set(key, [...atHead.get(key) ?? [], r]);
    for (const [key, object] of r.was) if (!r.now.has(key)) gone.set(key, { from: r, object });
  }
  const deletedRoles = /* @__PURE__ */ new Map();
  const headBindings = /* @__PURE__ */ new Map();
  for (const r of read2) {
    const changes = [];
    for (const key of [.../* @__PURE__ */ new Set([...r.was.keys(), ...r.now.keys()])].sort()) {
      const was = r.was.get(key);
      const now = r.now.get(key);
      let change;
      if (was && !now) {
        const elsewhere = atHead.get(key);
        if (elsewhere) {
          const to = elsewhere.find((other) => !other.was.has(key));
          const moved = to && compareObject(was, to.now.get(key), r.file, { to: to.file.path });
          if (moved) changes.push(moved);
          continue;
        }
        if (was.kind === "Role" || was.kind === "ClusterRole")
          deletedRoles.set(key, { file: r.file, role: was });
        change = compareObject(was, void 0, r.file);
      } else if (!was && now) {
        const moved = gone.get(key);
        change = moved ? compareObject(moved.object, now, r.file, { from: moved.from.file.path }) : compareObject(void 0, now, r.file);
      } else change = compareObject(was, now, r.file);
      if (change) changes.push(change);
    }
    for (const o of r.now.values())
      if (o.kind.endsWith("Binding"))
        headBindings.set(`${r.file.path}\0${objectAddress(o)}`, {
          path: r.file.path,
          binding: o
        });
    result.set(r.file.path, changes);
  }
  for (const { file, change } of others) result.get(file.path)?.push(change);
  const changedPaths = new Set(files.map((f) => f.path));
  let contextObjects;
  const contextRbac = () => {
    if (contextObjects) return contextObjects;
    const seen = /* @__PURE__ */ new Set();
    contextObjects = [];
    for (const { path, text: text4 } of context) {
      if (changedPaths.has(path) || seen.has(path)) continue;
      seen.add(path);
      contextObjects.push({ path, objects: rbacObjects(text4) ?? [] });
    }
    return contextObjects;
  };
  addAggregatedChanges(read2, result, contextRbac);
  if (deletedRoles.size === 0) return result;
  for (const { path, objects } of contextRbac()) {
    for (const o of objects)
      if (o.kind.endsWith("Binding"))
        headBindings.set(`${path}\0${objectAddress(o)}`, { path, binding: o });
  }
  for (const { path, binding } of headBindings.values()) {
    const ref = record(binding.body.roleRef);
    const kind = String(ref.kind ?? "");
    const target = objectAddress({
      kind,
      name: String(ref.name ?? ""),
      ...kind === "Role" && binding.namespace ? { namespace: binding.namespace } : {}
    });
    const deleted = deletedRoles.get(target);
    if (!deleted) continue;
    const line = lineOf(binding);
    const roleChange = result.get(deleted.file.path)?.find((c) => c.address === objectAddress(deleted.role) && c.classes.includes("deleted"));
    if (!roleChange) continue;
    const evidence = {
      address: objectAddress(binding),
      file: path,
      ...line ? { line } : {},
      detail: `${binding.kind} ${binding.name} still refers to ${deleted.role.kind} ${deleted.role.name}: its subjects lose those permissions`
    };
    const list3 = result.get(deleted.file.path);
    list3[list3.indexOf(roleChange)] = {
      ...roleChange,
      evidence: [...roleChange.evidence, evidence]
    };
  }
  return result;
}
function addAggregatedChanges(read2, result, context) {
  const before = /* @__PURE__ */ new Map();
  const after = /* @__PURE__ */ new Map();
  for (const r of read2) {
    for (const [key, o] of r.was)
      if (o.kind === "ClusterRole" && !before.has(key)) before.set(key, { file: r.file, o });
    for (const [key, o] of r.now)
      if (o.kind === "ClusterRole" && !after.has(key)) after.set(key, { file: r.file, o });
  }
  const changedRoles = [];
  for (const key of /* @__PURE__ */ new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const now = after.get(key);
    if (was && now && JSON.stringify(was.o.body) === JSON.stringify(now.o.body)) continue;
    changedRoles.push({
      file: (now ?? was)?.file,
      ...was ? { was: was.o } : {},
      ...now ? { now: now.o } : {}
    });
  }
  if (changedRoles.length === 0) return;
  const aggregators = /* @__PURE__ */ new Map();
  const side = (o, which) => {
    if (!isAggregated(o)) return;
    const key = objectAddress(o);
    const sides = aggregators.get(key) ?? {};
    if (sides[which] === void 0) sides[which] = o;
    aggregators.set(key, sides);
  };
  for (const r of read2) {
    for (const o of r.was.values()) side(o, "was");
    for (const o of r.now.values()) side(o, "now");
  }
  const unchanged = new Set(aggregators.keys());
  for (const { objects } of context())
    for (const o of objects) {
      const key = objectAddress(o);
      if (!isAggregated(o) || unchanged.has(key)) continue;
      aggregators.set(key, { was: o, now: o });
    }
  for (const role of changedRoles) {
    const o = role.now ?? role.was;
    const line = lineOf(o);
    const at3 = { file: role.file.path, ...line ? { line } : {} };
    for (const sides of aggregators.values()) {
      const change = aggregatedChange(
        role,
        sides,
        grants,
        grantCovered,
        describeGrant,
        at3
      );
      if (change) result.get(role.file.path)?.push(change);
    }
  }
}

// src/core/classify/parse-failure.ts
function lineAt(text4, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text4.length; i++) if (text4.charCodeAt(i) === 10) line++;
  return line;
}
function jsonParseFailure(text4) {
  try {
    JSON.parse(text4);
    return void 0;
  } catch (error) {
    const message = String(error.message ?? error);
    const line = /\bline (\d+)/.exec(message)?.[1];
    const position2 = /\bposition (\d+)/.exec(message)?.[1];
    if (line) return `JSON does not parse at line ${line}`;
    if (position2) return `JSON does not parse at line ${lineAt(text4, Number(position2))}`;
    return "JSON does not parse (it ends too early)";
  }
}
function yamlParseFailure(text4) {
  const parsed2 = parseDocuments(text4, "", { maxExpanded: MAX_EXPANDED_NODES });
  if (parsed2.ok) return void 0;
  if (parsed2.diagnostic.code === "yaml-aliases") return parsed2.diagnostic.message;
  const line = parsed2.diagnostic.line;
  return line === void 0 ? "YAML does not parse" : `YAML does not parse at line ${line}`;
}

// src/core/classify/hcl-expression.ts
var HclSyntaxError = class extends Error {
};
function sourceOf(expr) {
  return expr.s.source.slice(expr.s.start, expr.s.end).trim().split(/("(?:[^"\\]|\\.)*")/).map(
    (part, i) => i % 2 === 1 ? part : part.replace(/\s+/g, " ").replace(/\s*([()[\],])\s*/g, "$1").replace(/,/g, ", ")
  ).join("");
}
var BINARY = [
  ["||"],
  ["&&"],
  ["==", "!="],
  ["<=", ">=", "<", ">"],
  ["+", "-"],
  ["*", "/", "%"]
];
var Parser = class {
  constructor(src) {
    this.src = src;
  }
  src;
  pos = 0;
  span(start) {
    return { source: this.src, start, end: this.pos };
  }
  fail(what) {
    throw new HclSyntaxError(`${what} at ${this.pos} in ${JSON.stringify(this.src.slice(0, 120))}`);
  }
  skip() {
    for (; ; ) {
      const rest = this.src.slice(this.pos);
      const space = /^(?:\s+|#[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
      if (!space || space[0] === "") return;
      this.pos += space[0].length;
    }
  }
  peek(token) {
    this.skip();
    return this.src.startsWith(token, this.pos);
  }
  eat(token) {
    if (!this.peek(token)) return false;
    this.pos += token.length;
    return true;
  }
  expect(token) {
    if (!this.eat(token)) this.fail(`expected ${token}`);
  }
  identifier() {
    this.skip();
    const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos));
    if (!match) return void 0;
    this.pos += match[0].length;
    return match[0];
  }
  expression() {
    this.skip();
    const start = this.pos;
    const test = this.binary(0);
    if (this.eat("?")) {
      const then = this.expression();
      this.expect(":");
      const otherwise = this.expression();
      return { t: "cond", test, then, else: otherwise, s: this.span(start) };
    }
    return test;
  }
  binary(level) {
    if (level >= BINARY.length) return this.unary();
    this.skip();
    const start = this.pos;
    let left = this.binary(level + 1);
    for (; ; ) {
      this.skip();
      const op = BINARY[level].find(
        (o) => this.src.startsWith(o, this.pos) && // `=>` and `==` are not `=`; `<=` is checked before `<`.
        !(o === "<" && this.src.startsWith("<=", this.pos)) && !(o === ">" && this.src.startsWith(">=", this.pos))
      );
      if (!op) return left;
      this.pos += op.length;
      const right = this.binary(level + 1);
      left = { t: "binary", op, left, right, s: this.span(start) };
    }
  }
  unary() {
    this.skip();
    const start = this.pos;
    if (this.src.startsWith("!", this.pos) && !this.src.startsWith("!=", this.pos)) {
      this.pos++;
      return { t: "unary", op: "!", arg: this.unary(), s: this.span(start) };
    }
    if (this.src.startsWith("-", this.pos)) {
      this.pos++;
      return { t: "unary", op: "-", arg: this.unary(), s: this.span(start) };
    }
    return this.postfix(this.primary(), start);
  }
  /** `.name`, `[key]`, `.*`, `[*]` after a value. */
  postfix(base, start) {
    let expr = base;
    for (; ; ) {
      this.skip();
      if (this.src.startsWith(".*", this.pos) || this.src.startsWith("[*]", this.pos)) {
        this.pos += this.src.startsWith(".*", this.pos) ? 2 : 3;
        const itemStart = this.pos;
        const each = this.postfix({ t: "item", s: this.span(itemStart) }, itemStart);
        return { t: "splat", obj: expr, each, s: this.span(start) };
      }
      if (this.src.startsWith(".", this.pos) && !this.src.startsWith("...", this.pos)) {
        this.pos++;
        const number = /^\d+/.exec(this.src.slice(this.pos));
        if (number) {
          this.pos += number[0].length;
          const key = { t: "lit", v: Number(number[0]), s: this.span(this.pos) };
          expr = { t: "index", obj: expr, key, s: this.span(start) };
          continue;
        }
        const name = this.identifier();
        if (name === void 0) this.fail("expected an attribute name");
        expr = { t: "attr", obj: expr, name, s: this.span(start) };
        continue;
      }
      if (this.src.startsWith("[", this.pos)) {
        this.pos++;
        const key = this.expression();
        this.expect("]");
        expr = { t: "index", obj: expr, key, s: this.span(start) };
        continue;
      }
      return expr;
    }
  }
  primary() {
    this.skip();
    const start = this.pos;
    const c = this.src[this.pos];
    if (c === void 0) this.fail("unexpected end");
    if (c === "(") {
      this.pos++;
      const inner = this.expression();
      this.expect(")");
      return inner;
    }
    if (c === '"') {
      this.pos++;
      const parts = this.template('"');
      return { t: "tmpl", parts, s: this.span(start) };
    }
    if (this.src.startsWith("<<", this.pos)) return this.heredoc(start);
    const number = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.src.slice(this.pos));
    if (number) {
      this.pos += number[0].length;
      return { t: "lit", v: Number(number[0]), s: this.span(start) };
    }
    if (c === "[") return this.tuple(start);
    if (c === "{") return this.object(start);
    const name = this.identifier();
    if (name === void 0) this.fail(`unexpected ${JSON.stringify(c)}`);
    if (name === "true" || name === "false")
      return { t: "lit", v: name === "true", s: this.span(start) };
    if (name === "null") return { t: "lit", v: null, s: this.span(start) };
    this.skip();
    if (this.src.startsWith("(", this.pos)) {
      this.pos++;
      const args = [];
      let expand2 = false;
      while (!this.eat(")")) {
        args.push(this.expression());
        if (this.eat("...")) expand2 = true;
        if (!this.eat(",") && !this.peek(")")) this.fail("expected , or )");
      }
      return { t: "call", name, args, expand: expand2, s: this.span(start) };
    }
    return { t: "name", name, s: this.span(start) };
  }
  tuple(start) {
    this.pos++;
    this.skip();
    if (/^for\s/.test(this.src.slice(this.pos))) return this.forExpression(start, false);
    const items = [];
    while (!this.eat("]")) {
      items.push(this.expression());
      if (!this.eat(",") && !this.peek("]")) this.fail("expected , or ]");
    }
    return { t: "tuple", items, s: this.span(start) };
  }
  object(start) {
    this.pos++;
    this.skip();
    if (/^for\s/.test(this.src.slice(this.pos))) return this.forExpression(start, true);
    const items = [];
    while (!this.eat("}")) {
      this.skip();
      const keyStart = this.pos;
      const bare = /^([A-Za-z_][A-Za-z0-9_-]*)\s*(?:=(?!=)|:)/.exec(this.src.slice(this.pos));
      let key;
      if (bare) {
        this.pos += bare[1].length;
        key = { t: "lit", v: bare[1], s: this.span(keyStart) };
      } else key = this.expression();
      if (!this.eat("=") && !this.eat(":")) this.fail("expected = or :");
      const value = this.expression();
      items.push({ key, value });
      this.eat(",");
    }
    return { t: "object", items, s: this.span(start) };
  }
  forExpression(start, object) {
    this.identifier();
    const first = this.identifier();
    if (first === void 0) this.fail("expected a name after for");
    let keyVar;
    let valueVar = first;
    if (this.eat(",")) {
      keyVar = first;
      const second = this.identifier();
      if (second === void 0) this.fail("expected a second name after for");
      valueVar = second;
    }
    if (this.identifier() !== "in") this.fail("expected in");
    const collection = this.expression();
    this.expect(":");
    let key;
    let value = this.expression();
    if (object) {
      this.expect("=>");
      key = value;
      value = this.expression();
    }
    const group = this.eat("...");
    let when2;
    this.skip();
    if (/^if\s/.test(this.src.slice(this.pos))) {
      this.identifier();
      when2 = this.expression();
    }
    this.expect(object ? "}" : "]");
    return {
      t: "for",
      object,
      ...keyVar === void 0 ? {} : { keyVar },
      valueVar,
      collection,
      ...key ? { key } : {},
      value,
      ...when2 ? { when: when2 } : {},
      group,
      s: this.span(start)
    };
  }
  heredoc(start) {
    const header = /^<<(-?)([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(this.src.slice(this.pos));
    if (!header) this.fail("bad heredoc");
    this.pos += header[0].length;
    const end = new RegExp(`^[ \\t]*${header[2]}[ \\t]*$`, "m");
    const rest = this.src.slice(this.pos);
    const close = end.exec(rest);
    if (!close) this.fail("unterminated heredoc");
    let body = rest.slice(0, close.index);
    if (header[1] === "-") {
      const lines = body.split("\n");
      const indent = Math.min(
        ...lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0)
      );
      body = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join("\n");
    }
    this.pos += close.index + close[0].length;
    const parts = parseTemplate(body);
    return { t: "tmpl", parts, s: this.span(start) };
  }
  /** A template's parts up to `terminator` (or the end), `${…}` parsed, `$${` and `%%{` unescaped. */
  template(terminator) {
    const parts = [];
    let text4 = "";
    for (; ; ) {
      const c = this.src[this.pos];
      if (c === void 0) {
        if (terminator !== void 0) this.fail("unterminated string");
        break;
      }
      if (terminator !== void 0 && c === terminator) {
        this.pos++;
        break;
      }
      if (c === "\\" && terminator !== void 0) {
        const next = this.src[this.pos + 1] ?? "";
        text4 += { n: "\n", t: "	", r: "\r", '"': '"', "\\": "\\" }[next] ?? next;
        this.pos += 2;
        continue;
      }
      if (this.src.startsWith("$${", this.pos) || this.src.startsWith("%%{", this.pos)) {
        text4 += `${c}{`;
        this.pos += 3;
        continue;
      }
      if (this.src.startsWith("${", this.pos)) {
        if (text4 !== "") parts.push(text4);
        text4 = "";
        this.pos += 2;
        const expr = this.expression();
        this.eat("~");
        this.expect("}");
        parts.push(expr);
        continue;
      }
      if (this.src.startsWith("%{", this.pos)) {
        if (text4 !== "") parts.push(text4);
        text4 = "";
        const start = this.pos;
        const close = this.src.indexOf("}", this.pos);
        if (close < 0) this.fail("unterminated directive");
        this.pos = close + 1;
        parts.push({ t: "call", name: "%directive", args: [], expand: false, s: this.span(start) });
        continue;
      }
      text4 += c;
      this.pos++;
    }
    if (text4 !== "") parts.push(text4);
    return parts;
  }
};
function parseTemplate(text4) {
  const parser2 = new Parser(text4);
  return parser2.template(void 0);
}
function parseStringValue(text4) {
  const parts = parseTemplate(text4);
  const span = { source: text4, start: 0, end: text4.length };
  if (parts.length === 1 && typeof parts[0] !== "string" && /^\$\{[\s\S]*\}$/.test(text4.trim()))
    return parts[0];
  if (parts.every((p) => typeof p === "string")) return { t: "lit", v: parts.join(""), s: span };
  return { t: "tmpl", parts, s: span };
}

// src/core/classify/hcl-evaluate.ts
var Unknown = class {
  constructor(text4, reasons, template = false) {
    this.text = text4;
    this.reasons = reasons;
    this.template = template;
  }
  text;
  reasons;
  template;
};
var EvaluationError = class extends Error {
};
var isUnknown = (v) => v instanceof Unknown;
var WORK_LIMITS = { elements: 1e6, bytes: 16e6, calls: 2e5 };
var OverBudget = class extends Error {
};
var budget;
function measuredWork(work, limits = WORK_LIMITS) {
  const outer = budget;
  const own = { ...limits };
  budget = own;
  try {
    const value = work();
    return { value, exhausted: own.elements < 0 || own.bytes < 0 || own.calls < 0 };
  } finally {
    budget = outer;
  }
}
function workExhausted() {
  return budget !== void 0 && (budget.elements < 0 || budget.bytes < 0 || budget.calls < 0);
}
function spend(kind, amount) {
  if (!budget) return;
  budget[kind] -= amount;
  if (budget[kind] < 0)
    throw new OverBudget(
      `too large to evaluate: it needs more than ${WORK_LIMITS[kind].toLocaleString("en")} ${kind === "elements" ? "elements" : kind === "bytes" ? "characters of text" : "function calls"}`
    );
}
var overBudget = (expr, error) => new Unknown(sourceOf(expr), [error.message]);
var FILES = "\0files";
function normalisePath(path) {
  const out = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}
function readFileValue(path, scope, expr) {
  let files;
  try {
    files = scope.lookup(FILES, expr);
  } catch {
    return new Unknown(sourceOf(expr), [`${path} is not read here`]);
  }
  const text4 = isObject(files) ? files[normalisePath(path)] : void 0;
  return typeof text4 === "string" ? text4 : new Unknown(sourceOf(expr), [`${path} was not read with the folder`]);
}
var isList = (v) => Array.isArray(v);
var isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Unknown);
function unknownsIn(v) {
  if (isUnknown(v)) return [v];
  if (isList(v)) return v.flatMap(unknownsIn);
  if (isObject(v)) return Object.values(v).flatMap(unknownsIn);
  return [];
}
function reasonsOf(values2) {
  return [...new Set(values2.flatMap(unknownsIn).flatMap((u) => u.reasons))];
}
function unknownFrom(expr, from) {
  return new Unknown(sourceOf(expr), reasonsOf(from));
}
function printed(v) {
  if (isUnknown(v)) return v.template ? v.text : `\${${v.text}}`;
  if (typeof v === "string") return v;
  if (v === null) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(toJson(v));
}
function toJson(v) {
  if (isUnknown(v)) return printed(v);
  if (isList(v)) return v.map(toJson);
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return v;
}
var PARSED = /* @__PURE__ */ new Map();
function parsed(text4) {
  const known = PARSED.get(text4);
  if (known) return known;
  const expr = parseStringValue(text4);
  if (PARSED.size > 1e5) PARSED.clear();
  PARSED.set(text4, expr);
  return expr;
}
function evaluateJson(value, scope) {
  if (typeof value === "string") {
    let expr;
    try {
      expr = parsed(value);
    } catch (error) {
      if (!(error instanceof HclSyntaxError)) throw error;
      return new Unknown(value, [`not read: ${error.message.split(" at ")[0]}`], true);
    }
    return evaluate(expr, scope);
  }
  if (Array.isArray(value)) return value.map((v) => evaluateJson(v, scope));
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = evaluateJson(v, scope);
    return out;
  }
  if (typeof value === "number" || typeof value === "boolean" || value === null) return value;
  return null;
}
function evaluate(expr, scope) {
  try {
    return evaluateStrict(expr, scope);
  } catch (error) {
    if (error instanceof OverBudget) return overBudget(expr, error);
    if (!(error instanceof EvaluationError)) throw error;
    return new Unknown(sourceOf(expr), [error.message]);
  }
}
function truthy(v, expr) {
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  throw new EvaluationError(`${sourceOf(expr)} is not a boolean`);
}
function same2(a, b) {
  return JSON.stringify(toJson(a)) === JSON.stringify(toJson(b));
}
function attribute(obj, name, expr) {
  if (isObject(obj)) {
    if (!Object.hasOwn(obj, name))
      throw new EvaluationError(`${sourceOf(expr)}: no attribute ${name}`);
    return obj[name];
  }
  if (obj === null) throw new EvaluationError(`${sourceOf(expr)}: attribute of null`);
  throw new EvaluationError(`${sourceOf(expr)}: ${name} of something that is not an object`);
}
function index(obj, key, expr) {
  if (isList(obj)) {
    const i = Number(key);
    if (!Number.isInteger(i) || i < 0 || i >= obj.length)
      throw new EvaluationError(`${sourceOf(expr)}: index ${String(key)} out of range`);
    return obj[i];
  }
  if (isObject(obj)) return attribute(obj, String(key), expr);
  throw new EvaluationError(`${sourceOf(expr)}: cannot index ${printed(obj)}`);
}
function evaluateStrict(expr, scope) {
  switch (expr.t) {
    case "lit":
      return expr.v;
    case "tmpl": {
      const parts = expr.parts.map((p) => typeof p === "string" ? p : evaluate(p, scope));
      const text4 = parts.map((p) => printed(p === null ? "" : p)).join("");
      spend("bytes", text4.length);
      if (parts.some(isUnknown)) return new Unknown(text4, reasonsOf(parts), true);
      return text4;
    }
    case "name":
      return scope.lookup(expr.name, expr);
    case "item":
      return scope.lookup("\0item", expr);
    case "attr": {
      const obj = evaluateStrict(expr.obj, scope);
      if (isUnknown(obj)) return new Unknown(sourceOf(expr), obj.reasons);
      return attribute(obj, expr.name, expr);
    }
    case "index": {
      const obj = evaluateStrict(expr.obj, scope);
      const key = evaluateStrict(expr.key, scope);
      if (isUnknown(obj) || isUnknown(key)) return unknownFrom(expr, [obj, key]);
      return index(obj, key, expr);
    }
    case "splat": {
      const obj = evaluateStrict(expr.obj, scope);
      if (isUnknown(obj)) return unknownFrom(expr, [obj]);
      const items = obj === null ? [] : isList(obj) ? obj : [obj];
      spend("elements", items.length);
      return items.map((item) => evaluateStrict(expr.each, withItem(scope, item)));
    }
    case "unary": {
      const arg = evaluateStrict(expr.arg, scope);
      if (isUnknown(arg)) return unknownFrom(expr, [arg]);
      return expr.op === "!" ? !truthy(arg, expr.arg) : -Number(arg);
    }
    case "binary":
      return binary(expr, scope);
    case "cond": {
      const test = evaluateStrict(expr.test, scope);
      if (isUnknown(test)) return unknownFrom(expr, [test]);
      return evaluateStrict(truthy(test, expr.test) ? expr.then : expr.else, scope);
    }
    case "tuple":
      spend("elements", expr.items.length);
      return expr.items.map((item) => evaluate(item, scope));
    case "object": {
      const out = {};
      for (const item of expr.items) {
        const key = evaluateStrict(item.key, scope);
        if (isUnknown(key)) return unknownFrom(expr, [key]);
        out[printed(key)] = evaluate(item.value, scope);
      }
      return out;
    }
    case "for":
      return forExpression(expr, scope);
    case "call":
      return callFunction(expr, scope);
  }
}
function withItem(scope, item) {
  return {
    lookup: (name, expr) => name === "\0item" ? item : scope.lookup(name, expr)
  };
}
function binary(expr, scope) {
  const left = evaluateStrict(expr.left, scope);
  if (expr.op === "&&" && !isUnknown(left) && !truthy(left, expr.left)) return false;
  if (expr.op === "||" && !isUnknown(left) && truthy(left, expr.left)) return true;
  const right = evaluateStrict(expr.right, scope);
  if (isUnknown(left) || isUnknown(right)) {
    if (expr.op === "&&" && !isUnknown(right) && !truthy(right, expr.right)) return false;
    if (expr.op === "||" && !isUnknown(right) && truthy(right, expr.right)) return true;
    return unknownFrom(expr, [left, right]);
  }
  switch (expr.op) {
    case "&&":
    case "||":
      return truthy(right, expr.right);
    case "==":
      return same2(left, right);
    case "!=":
      return !same2(left, right);
    case "<":
      return Number(left) < Number(right);
    case ">":
      return Number(left) > Number(right);
    case "<=":
      return Number(left) <= Number(right);
    case ">=":
      return Number(left) >= Number(right);
    case "+":
      return Number(left) + Number(right);
    case "-":
      return Number(left) - Number(right);
    case "*":
      return Number(left) * Number(right);
    case "/":
      return Number(left) / Number(right);
    default:
      return Number(left) % Number(right);
  }
}
function entriesOf(collection) {
  if (isList(collection)) return collection.map((v, i) => [i, v]);
  if (isObject(collection))
    return Object.keys(collection).sort().map((k) => [k, collection[k]]);
  return void 0;
}
function forExpression(expr, scope) {
  const collection = evaluateStrict(expr.collection, scope);
  if (isUnknown(collection)) return unknownFrom(expr, [collection]);
  const entries = entriesOf(collection);
  if (!entries) throw new EvaluationError(`${sourceOf(expr.collection)} is not a collection`);
  const list3 = [];
  const object = {};
  const groups2 = {};
  for (const [key, value] of entries) {
    spend("elements", 1);
    const inner = {
      lookup: (name, at3) => name === expr.valueVar ? value : name === expr.keyVar ? key : scope.lookup(name, at3)
    };
    if (expr.when) {
      const when2 = evaluateStrict(expr.when, inner);
      if (isUnknown(when2)) return unknownFrom(expr, [when2]);
      if (!truthy(when2, expr.when)) continue;
    }
    const item = evaluate(expr.value, inner);
    if (!expr.object) {
      list3.push(item);
      continue;
    }
    const k = evaluateStrict(expr.key, inner);
    if (isUnknown(k)) return unknownFrom(expr, [k]);
    if (expr.group) groups2[printed(k)] = [...groups2[printed(k)] ?? [], item];
    else object[printed(k)] = item;
  }
  if (!expr.object) return list3;
  return expr.group ? groups2 : object;
}
var text3 = (v) => printed(v);
var listOf = (v, expr) => {
  if (isList(v)) return v;
  if (isObject(v))
    return Object.keys(v).sort().map((k) => v[k]);
  throw new EvaluationError(`${sourceOf(expr)}: not a list`);
};
function format(spec, args) {
  let i = 0;
  return spec.replace(/%(?:%|[-+ #0-9.]*[sdvqftbeg])/g, (m) => {
    if (m === "%%") return "%";
    const v = args[i++] ?? null;
    if (m.endsWith("q")) return JSON.stringify(text3(v));
    return text3(v);
  });
}
var STRICT = {
  join: ([sep3, ...lists], e) => {
    const items = lists.flatMap((l) => listOf(l, e)).map(text3);
    spend("bytes", text3(sep3 ?? "").length * items.length);
    return items.join(text3(sep3 ?? ""));
  },
  format: ([spec, ...rest]) => format(text3(spec ?? ""), rest),
  length: ([v], e) => typeof v === "string" ? v.length : listOf(v ?? null, e).length,
  lookup: ([map, key, fallback], e) => {
    if (isObject(map ?? null) && Object.hasOwn(map, text3(key ?? "")))
      return map[text3(key ?? "")];
    if (fallback === void 0)
      throw new EvaluationError(`${sourceOf(e)}: no key ${text3(key ?? "")}`);
    return fallback;
  },
  element: ([list3, i], e) => {
    const items = listOf(list3 ?? null, e);
    if (items.length === 0) throw new EvaluationError(`${sourceOf(e)}: element of an empty list`);
    return items[Number(i) % items.length];
  },
  jsondecode: ([v], e) => {
    try {
      return JSON.parse(text3(v ?? ""));
    } catch {
      throw new EvaluationError(`${sourceOf(e)}: not JSON`);
    }
  },
  keys: ([m]) => isObject(m ?? null) ? Object.keys(m).sort() : [],
  values: ([m], e) => listOf(m ?? null, e),
  contains: ([list3, v], e) => listOf(list3 ?? null, e).some((x) => same2(x, v ?? null)),
  upper: ([v]) => text3(v ?? "").toUpperCase(),
  lower: ([v]) => text3(v ?? "").toLowerCase(),
  title: ([v]) => text3(v ?? "").replace(/\b\w/g, (c) => c.toUpperCase()),
  split: ([sep3, v]) => text3(v ?? "").split(text3(sep3 ?? "")),
  replace: ([v, from, to], e) => {
    const f = text3(from ?? "");
    if (/^\/(.*)\/$/.test(f))
      throw new EvaluationError(
        `${sourceOf(e)}: replace() with a regular expression is not evaluated (it could run for unbounded time)`
      );
    const parts = text3(v ?? "").split(f);
    spend("bytes", text3(to ?? "").length * parts.length);
    return parts.join(text3(to ?? ""));
  },
  trimspace: ([v]) => text3(v ?? "").trim(),
  trimprefix: ([v, p]) => text3(v ?? "").startsWith(text3(p ?? "")) ? text3(v ?? "").slice(text3(p ?? "").length) : text3(v ?? ""),
  trimsuffix: ([v, s]) => text3(v ?? "").endsWith(text3(s ?? "")) && text3(s ?? "") !== "" ? text3(v ?? "").slice(0, -text3(s ?? "").length) : text3(v ?? ""),
  startswith: ([v, p]) => text3(v ?? "").startsWith(text3(p ?? "")),
  endswith: ([v, s]) => text3(v ?? "").endsWith(text3(s ?? "")),
  substr: ([v, o, l]) => text3(v ?? "").substr(Number(o), Number(l) < 0 ? void 0 : Number(l)),
  tostring: ([v]) => v === null || v === void 0 ? null : text3(v),
  tonumber: ([v]) => v === null || v === void 0 ? null : Number(v),
  tobool: ([v]) => v === true || v === "true",
  zipmap: ([k, v], e) => {
    const ks = listOf(k ?? null, e);
    const vs = listOf(v ?? null, e);
    return Object.fromEntries(ks.map((key, i) => [text3(key), vs[i] ?? null]));
  },
  sort: ([l], e) => [...listOf(l ?? null, e)].map(text3).sort(),
  reverse: ([l], e) => [...listOf(l ?? null, e)].reverse(),
  slice: ([l, a, b], e) => listOf(l ?? null, e).slice(Number(a), Number(b)),
  range: (args, e) => {
    const [start, end, step] = args.length === 1 ? [0, Number(args[0]), 1] : [Number(args[0]), Number(args[1]), Number(args[2] ?? 1)];
    if (step === 0 || !Number.isFinite(step))
      throw new EvaluationError(`${sourceOf(e)}: range() with a step of ${step}`);
    spend("elements", Math.max(0, Math.ceil((end - start) / step)));
    const out = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step) out.push(i);
    return out;
  },
  min: (args) => Math.min(...args.map(Number)),
  max: (args) => Math.max(...args.map(Number)),
  abs: ([v]) => Math.abs(Number(v)),
  setproduct: (args, e) => {
    const lists = args.map((a) => listOf(a, e));
    spend(
      "elements",
      lists.reduce((n, l) => n * l.length, 1)
    );
    return lists.reduce((acc, l) => acc.flatMap((p) => l.map((x) => [...p, x])), [[]]);
  },
  chunklist: ([l, n], e) => {
    const items = listOf(l ?? null, e);
    if (!(Number(n) >= 1)) throw new EvaluationError(`${sourceOf(e)}: chunklist() of size ${n}`);
    const out = [];
    for (let i = 0; i < items.length; i += Number(n)) out.push(items.slice(i, i + Number(n)));
    return out;
  },
  base64encode: ([v]) => Buffer.from(text3(v ?? "")).toString("base64")
};
var STRUCTURAL = {
  // Unknowns inside are printed as `${expression}`: a policy reader sees them as such.
  jsonencode: ([v]) => JSON.stringify(toJson(v ?? null)),
  concat: (args, e) => args.flatMap((a) => isUnknown(a) ? [a] : listOf(a, e)),
  flatten: ([l], e) => {
    const flat = (v) => isList(v) ? v.flatMap(flat) : [v];
    return flat(listOf(l ?? null, e));
  },
  compact: ([l], e) => listOf(l ?? null, e).filter((v) => v !== "" && v !== null),
  distinct: ([l], e) => {
    const out = [];
    for (const v of listOf(l ?? null, e)) if (!out.some((x) => same2(x, v))) out.push(v);
    return out;
  },
  toset: ([l], e) => STRUCTURAL.distinct?.([l ?? null], e) ?? [],
  tolist: ([l], e) => listOf(l ?? null, e),
  tomap: ([m]) => m ?? null,
  merge: (args) => {
    const out = {};
    for (const a of args) if (isObject(a)) Object.assign(out, a);
    return out;
  },
  one: ([l], e) => {
    if (l === null || l === void 0) return null;
    const items = listOf(l, e);
    if (items.length > 1)
      throw new EvaluationError(`${sourceOf(e)}: one() of ${items.length} items`);
    return items[0] ?? null;
  },
  coalescelist: (args) => args.find((a) => isUnknown(a) || isList(a) && a.length > 0) ?? []
};
function callFunction(expr, scope) {
  spend("calls", 1);
  const result = callUnmetered(expr, scope);
  if (typeof result === "string") spend("bytes", result.length);
  else if (isList(result)) spend("elements", result.length);
  return result;
}
function callUnmetered(expr, scope) {
  const name = expr.name;
  if (name === "try" || name === "can") {
    for (const arg of expr.args) {
      try {
        const v = evaluateStrict(arg, scope);
        return name === "can" ? isUnknown(v) ? unknownFrom(expr, [v]) : true : v;
      } catch (error) {
        if (!(error instanceof EvaluationError)) throw error;
      }
    }
    if (name === "can") return false;
    throw new EvaluationError(`${sourceOf(expr)}: no argument could be evaluated`);
  }
  let args = expr.args.map((a) => evaluateStrict(a, scope));
  if (expr.expand && args.length > 0) {
    const last = args[args.length - 1];
    if (isUnknown(last)) return unknownFrom(expr, [last]);
    args = [...args.slice(0, -1), ...listOf(last, expr)];
  }
  if (name === "coalesce") {
    for (const a of args) {
      if (isUnknown(a)) return unknownFrom(expr, [a]);
      if (a !== null && a !== "") return a;
    }
    throw new EvaluationError(`${sourceOf(expr)}: every argument is null or empty`);
  }
  if (name === "file" || name === "templatefile") {
    const [path, vars] = args;
    if (typeof path !== "string") return unknownFrom(expr, args);
    const text4 = readFileValue(path, scope, expr);
    if (isUnknown(text4) || name === "file") return text4;
    if (!isObject(vars ?? null)) return unknownFrom(expr, args);
    let parts;
    try {
      parts = parseTemplate(text4);
    } catch (error) {
      if (!(error instanceof HclSyntaxError)) throw error;
      return new Unknown(sourceOf(expr), [`${path} is not a template this reader knows`]);
    }
    const template = { t: "tmpl", parts, s: { source: text4, start: 0, end: text4.length } };
    const own = vars;
    return evaluate(template, {
      lookup: (n, at3) => {
        if (Object.hasOwn(own, n)) return own[n];
        throw new EvaluationError(
          `${n} is not a variable of the template ${path} (${sourceOf(at3)})`
        );
      }
    });
  }
  const structural = STRUCTURAL[name];
  if (structural) {
    if (args.some((a) => isUnknown(a)) && !["concat", "coalescelist"].includes(name))
      return unknownFrom(expr, args);
    return structural(args, expr);
  }
  const strict = STRICT[name];
  if (!strict) {
    const why = name === "%directive" ? "template directives (%{\u2026}) are not evaluated" : `the function ${name}() is not evaluated here`;
    return new Unknown(sourceOf(expr), [why]);
  }
  if (args.some((a) => unknownsIn(a).length > 0)) return unknownFrom(expr, args);
  return strict(args, expr);
}

// src/core/regexp-literal.ts
function regExpLiteral(text4) {
  return text4.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

// src/core/classify/terraform-file.ts
function blockLine(text4, block) {
  const pattern = new RegExp(
    `^\\s*${regExpLiteral(block.kind)}\\s+"${regExpLiteral(block.type)}"\\s+"${regExpLiteral(block.name)}"`,
    "m"
  );
  const match = pattern.exec(text4);
  return match ? text4.slice(0, match.index).split("\n").length : void 0;
}

// src/core/classify/terraform-module.ts
var MAX_INSTANCES = 50;
var DOCUMENT = "aws_iam_policy_document";
var bareName = (raw) => typeof raw === "string" ? /^\$\{\s*([A-Za-z_][\w-]*)\s*\}$/.exec(raw)?.[1] : void 0;
function lazyObject(names2, get) {
  const out = {};
  for (const name of names2) {
    let cached;
    Object.defineProperty(out, name, {
      enumerable: true,
      get: () => {
        cached ??= get(name);
        return cached;
      }
    });
  }
  return out;
}
function variablesOf(files) {
  const variables = /* @__PURE__ */ new Map();
  for (const file of files) {
    for (const [name, bodies] of Object.entries(record(file.json.variable))) {
      const body = record(list(bodies)[0]);
      const type = typeof body.type === "string" ? body.type.replace(/^\$\{|\}$/g, "").replace(/\s+/g, "") : void 0;
      variables.set(name, {
        name,
        hasDefault: Object.hasOwn(body, "default"),
        ...Object.hasOwn(body, "default") ? { default: body.default } : {},
        ...type ? { type } : {}
      });
    }
  }
  return variables;
}
function readModule(files, values2 = /* @__PURE__ */ new Map(), assets = /* @__PURE__ */ new Map()) {
  const variables = variablesOf(files);
  const folder = files[0]?.path.includes("/") ? files[0].path.slice(0, files[0].path.lastIndexOf("/")) : ".";
  const assetObject = Object.fromEntries(assets);
  const locals = /* @__PURE__ */ new Map();
  const blocks = /* @__PURE__ */ new Map();
  for (const file of files) {
    for (const body of list(file.json.locals))
      for (const [name, raw] of Object.entries(record(body))) locals.set(name, raw);
    for (const kind of ["resource", "data"]) {
      for (const [type, byName2] of Object.entries(record(file.json[kind]))) {
        for (const [name, bodies] of Object.entries(record(byName2))) {
          const address = kind === "data" ? `data.${type}.${name}` : `${type}.${name}`;
          blocks.set(address, {
            kind,
            type,
            name,
            address,
            file: file.path,
            body: record(list(bodies)[0])
          });
        }
      }
    }
  }
  const resourceTypes = new Set(
    [...blocks.values()].filter((b) => b.kind === "resource").map((b) => b.type)
  );
  const evaluating = /* @__PURE__ */ new Set();
  const guarded = (key, text4, get) => {
    if (evaluating.has(key)) return new Unknown(text4, [`${text4} refers to itself`]);
    evaluating.add(key);
    try {
      return get();
    } finally {
      evaluating.delete(key);
    }
  };
  const varObject = lazyObject(variables.keys(), (name) => {
    const v = variables.get(name);
    if (values2.has(name)) return values2.get(name);
    if (!v?.hasDefault)
      return new Unknown(`var.${name}`, [`var.${name} has no default: the caller sets it`]);
    return evaluateJson(v.default, root);
  });
  const localObject = lazyObject(
    locals.keys(),
    (name) => guarded(`local.${name}`, `local.${name}`, () => evaluateJson(locals.get(name), root))
  );
  const instanceCache = /* @__PURE__ */ new Map();
  const documentValue = (block) => {
    const instances = instancesOf(block);
    const one = (instance) => lazyObject(
      ["json", "minified_json"],
      () => guarded(block.address, block.address, () => policyDocumentJson(block.body, instance.scope))
    );
    if (block.body.count !== void 0) return instances.map(one);
    if (block.body.for_each !== void 0)
      return Object.fromEntries(instances.map((i) => [String(i.key ?? ""), one(i)]));
    return instances[0] ? one(instances[0]) : null;
  };
  const documents = [...blocks.values()].filter((b) => b.kind === "data" && b.type === DOCUMENT);
  const dataObject = {};
  const dataTypes = new Set(
    [...blocks.values()].filter((b) => b.kind === "data").map((b) => b.type)
  );
  for (const type of dataTypes) {
    dataObject[type] = type === DOCUMENT ? lazyObject(
      documents.map((d) => d.name),
      (name) => documentValue(blocks.get(`data.${DOCUMENT}.${name}`))
    ) : new Unknown(`data.${type}`, [`data.${type} is read from the provider at plan time`]);
  }
  const root = {
    lookup(name, expr) {
      switch (name) {
        case "var":
          return varObject;
        case "local":
          return localObject;
        case "data":
          return dataObject;
        case "path":
          return {
            module: folder,
            root: new Unknown("path.root", ["path.root is the caller's"]),
            cwd: new Unknown("path.cwd", ["path.cwd is where Terraform runs"])
          };
        case FILES:
          return assetObject;
        case "terraform":
        case "module":
        case "self":
          return new Unknown(sourceOf(expr), [`${name}.\u2026 is not known from the files alone`]);
        case "count":
        case "each":
          throw new EvaluationError(
            `${name} is used outside a block with ${name === "count" ? "count" : "for_each"}`
          );
      }
      if (resourceTypes.has(name) || /^[a-z0-9]+_[a-z0-9_]+$/.test(name))
        return new Unknown(name, [`attributes of ${name} resources are known only after apply`]);
      throw new EvaluationError(`${name} is not defined here`);
    }
  };
  function withNames(scope, names2) {
    return {
      lookup: (name, expr) => Object.hasOwn(names2, name) ? names2[name] : scope.lookup(name, expr)
    };
  }
  function instancesOf(block) {
    const cached = instanceCache.get(block.address);
    if (cached) return cached;
    const key = `instances ${block.address}`;
    if (evaluating.has(key))
      return [{ scope: root, conditional: `the count of ${block.address} refers to itself` }];
    evaluating.add(key);
    try {
      const instances = expand2(block);
      instanceCache.set(block.address, instances);
      return instances;
    } finally {
      evaluating.delete(key);
    }
  }
  function expand2(block) {
    const { count: count2, for_each: forEach } = block.body;
    if (count2 !== void 0) {
      const n = evaluateJson(count2, root);
      const first = { key: 0, scope: withNames(root, { count: { index: 0 } }) };
      if (isUnknown(n))
        return [{ ...first, conditional: `count = ${n.text}: ${n.reasons.join("; ")}` }];
      const total = Math.min(Number(n), MAX_INSTANCES);
      if (total <= 0) return [];
      return Array.from({ length: total }, (_, index2) => ({
        key: index2,
        scope: withNames(root, { count: { index: index2 } })
      }));
    }
    if (forEach !== void 0) {
      const collection = evaluateJson(forEach, root);
      const entries = isUnknown(collection) ? void 0 : entriesOf(collection);
      const written = printedRaw(forEach);
      if (!entries || entries.length === 0) {
        if (entries) return [];
        const reasons = isUnknown(collection) ? collection.reasons : ["for_each is not a collection"];
        const unknown = new Unknown(`each.value`, reasons);
        return [
          {
            key: written,
            scope: withNames(root, {
              each: { key: new Unknown("each.key", reasons), value: unknown }
            }),
            conditional: `for_each = ${written}: ${reasons.join("; ")}`
          }
        ];
      }
      const isSet = Array.isArray(collection);
      return entries.slice(0, MAX_INSTANCES).map(([k, v]) => {
        const key = isSet ? printed(v) : String(k);
        return { key, scope: withNames(root, { each: { key, value: v } }) };
      });
    }
    return [{ scope: root }];
  }
  function policyDocumentJson(body, scope) {
    const sources = documentsFrom([body.source_policy_documents, body.source_json], scope);
    const own = statementsOf(body, scope);
    const overrides = documentsFrom([body.override_policy_documents, body.override_json], scope);
    const merged = [...sources];
    for (const layer of [own, overrides]) {
      for (const statement of layer) {
        const sid = record(statement).Sid;
        const at3 = sid ? merged.findIndex((s) => record(s).Sid === sid) : -1;
        if (at3 >= 0) merged[at3] = statement;
        else merged.push(statement);
      }
    }
    return JSON.stringify({ Version: "2012-10-17", Statement: merged });
  }
  function documentsFrom(raws, scope) {
    const statements = [];
    for (const raw of raws) {
      if (raw === void 0) continue;
      const value = evaluateJson(raw, scope);
      const items = isUnknown(value) ? [value] : Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item === null) continue;
        if (isUnknown(item) || typeof item !== "string") {
          statements.push(placeholder(item));
          continue;
        }
        try {
          statements.push(...list(record(JSON.parse(item)).Statement));
        } catch {
          statements.push(placeholder(new Unknown(item, ["not a JSON policy document"])));
        }
      }
    }
    return statements;
  }
  function placeholder(value) {
    return { Effect: "Allow", Action: [printed(value)], Resource: [printed(value)] };
  }
  function nested(body, name, scope) {
    const out = list(body[name]).map((b) => ({ body: record(b), scope }));
    for (const raw of list(record(body.dynamic)[name])) {
      const dynamic = record(raw);
      const iterator2 = bareName(dynamic.iterator) ?? name;
      const collection = evaluateJson(dynamic.for_each, scope);
      const entries = isUnknown(collection) ? void 0 : entriesOf(collection);
      const content = record(list(dynamic.content)[0]);
      if (!entries) {
        const unknown = isUnknown(collection) ? collection : new Unknown(printedRaw(dynamic.for_each), ["for_each is not a collection"]);
        out.push({
          body: content,
          scope: withNames(scope, { [iterator2]: { key: unknown, value: unknown } })
        });
        continue;
      }
      for (const [key, value] of entries)
        out.push({ body: content, scope: withNames(scope, { [iterator2]: { key, value } }) });
    }
    return out;
  }
  function statementsOf(body, scope) {
    return nested(body, "statement", scope).map(({ body: s, scope: inner }) => {
      const values3 = (raw) => {
        if (raw === void 0) return void 0;
        const v = evaluateJson(raw, inner);
        if (v === null) return void 0;
        return (Array.isArray(v) ? v : [v]).map((x) => printed(x));
      };
      const principals = (name) => {
        const sets = nested(s, name, inner);
        if (sets.length === 0) return void 0;
        const out = {};
        for (const p of sets) {
          const type = printed(evaluateJson(p.body.type, p.scope));
          const ids2 = evaluateJson(p.body.identifiers, p.scope);
          out[type] = [
            .../* @__PURE__ */ new Set([
              ...out[type] ?? [],
              ...(Array.isArray(ids2) ? ids2 : [ids2]).map((x) => printed(x))
            ])
          ];
        }
        return out;
      };
      const conditions = nested(s, "condition", inner);
      const condition = {};
      for (const c of conditions) {
        const test = printed(evaluateJson(c.body.test, c.scope));
        const variable = printed(evaluateJson(c.body.variable, c.scope));
        const vs = evaluateJson(c.body.values, c.scope);
        const byTest = condition[test] ?? {};
        condition[test] = byTest;
        byTest[variable] = [
          .../* @__PURE__ */ new Set([
            ...byTest[variable] ?? [],
            ...(Array.isArray(vs) ? vs : [vs]).map((x) => printed(x))
          ])
        ];
      }
      const sid = s.sid === void 0 ? void 0 : evaluateJson(s.sid, inner);
      const effect = s.effect === void 0 ? "Allow" : printed(evaluateJson(s.effect, inner));
      const statement = {
        ...sid === void 0 || sid === null || sid === "" ? {} : { Sid: printed(sid) },
        Effect: effect,
        Action: values3(s.actions),
        NotAction: values3(s.not_actions),
        Resource: values3(s.resources),
        NotResource: values3(s.not_resources),
        Principal: principals("principals"),
        NotPrincipal: principals("not_principals"),
        ...conditions.length > 0 ? { Condition: condition } : {}
      };
      return Object.fromEntries(Object.entries(statement).filter(([, v]) => v !== void 0));
    });
  }
  return {
    blocks,
    scope: root,
    locals,
    instancesOf,
    nestedBlocks: (body, name, instance) => nested(body, name, instance.scope).map((b) => ({
      attribute: (key) => b.body[key] === void 0 ? null : evaluateJson(b.body[key], b.scope)
    })),
    policyDocument: (block, instance) => guarded(block.address, block.address, () => policyDocumentJson(block.body, instance.scope)),
    attribute: (block, name, instance) => block.body[name] === void 0 ? null : evaluateJson(block.body[name], instance.scope)
  };
}
function printedRaw(raw) {
  if (typeof raw === "string") {
    const expr = parseStringValue(raw);
    return expr.t === "lit" ? raw : sourceOf(expr);
  }
  return JSON.stringify(raw);
}
function referencedAddresses(raw, module2, locals = /* @__PURE__ */ new Set()) {
  const text4 = JSON.stringify(raw ?? null);
  const found = /* @__PURE__ */ new Set();
  for (const m of text4.matchAll(/\b(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)/g)) {
    const [, data, type, name] = m;
    if (type === "local" && !data) {
      if (locals.has(name)) continue;
      locals.add(name);
      for (const a of referencedAddresses(module2.locals.get(name), module2, locals)) found.add(a);
      continue;
    }
    const address = `${data ? "data." : ""}${type}.${name}`;
    if (module2.blocks.has(address)) found.add(address);
  }
  return [...found];
}

// src/core/classify/terraform-identities.ts
var GLUE = {
  aws_iam_role_policy: { owner: { role: "aws_iam_role" }, inline: "policy" },
  aws_iam_user_policy: { owner: { user: "aws_iam_user" }, inline: "policy" },
  aws_iam_group_policy: { owner: { group: "aws_iam_group" }, inline: "policy" },
  aws_iam_role_policy_attachment: { owner: { role: "aws_iam_role" }, arn: "policy_arn" },
  aws_iam_user_policy_attachment: { owner: { user: "aws_iam_user" }, arn: "policy_arn" },
  aws_iam_group_policy_attachment: { owner: { group: "aws_iam_group" }, arn: "policy_arn" },
  aws_iam_policy_attachment: {
    owner: { roles: "aws_iam_role", users: "aws_iam_user", groups: "aws_iam_group" },
    arn: "policy_arn"
  }
};
var isGlue = (type) => Object.hasOwn(GLUE, type);
var READ_AS_DOCUMENTS = /* @__PURE__ */ new Set([
  "assume_role_policy",
  "policy",
  "inline_policy",
  "managed_policy_arns",
  "permissions_boundary",
  "count",
  "for_each",
  "depends_on",
  "lifecycle",
  "provider"
]);
function documentOf(value) {
  const unknowns = unknownsIn(value);
  if (isUnknown(value) || typeof value !== "string" && unknowns.length > 0) {
    const u = isUnknown(value) ? value : unknowns[0];
    return {
      unknown: { text: u.text, reasons: [...new Set(unknowns.flatMap((x) => x.reasons))] },
      fingerprint: `?${printed(value)}`
    };
  }
  const document = value === null ? void 0 : policyFromJson(value);
  if (!document)
    return {
      unknown: { text: printed(value), reasons: ["it is not a JSON policy document"] },
      fingerprint: `?${printed(value)}`
    };
  return { document, fingerprint: JSON.stringify(document) };
}
function identitiesOf(module2) {
  const identities = /* @__PURE__ */ new Map();
  const names2 = /* @__PURE__ */ new Map();
  const instancesByBlock = /* @__PURE__ */ new Map();
  for (const block of module2.blocks.values()) {
    if (block.kind !== "resource" || !IDENTITY_TYPES.includes(block.type)) continue;
    const instances = module2.instancesOf(block);
    const several = instances.length > 1;
    for (const instance of several ? instances : instances.slice(0, 1)) {
      const key = several ? withKey(block.address, instance) : block.address;
      identities.set(key, identityFacts(module2, block, instance));
      instancesByBlock.set(block.address, [
        ...instancesByBlock.get(block.address) ?? [],
        { key, ...several && instance.key !== void 0 ? { instance: instance.key } : {} }
      ]);
      const name = module2.attribute(block, "name", instance);
      if (typeof name === "string") names2.set(`${block.type}\0${name}`, key);
    }
  }
  const unplacedGlue = [];
  for (const block of module2.blocks.values()) {
    const glue = GLUE[block.type];
    if (block.kind !== "resource" || !glue) continue;
    let placed = false;
    for (const instance of module2.instancesOf(block)) {
      for (const [attribute2, type] of Object.entries(glue.owner)) {
        for (const owner2 of ownersOf(module2, block, attribute2, type, instance, names2)) {
          const owners = instancesByBlock.get(owner2) ?? [{ key: owner2 }];
          const same4 = owners.filter(
            (o) => o.instance !== void 0 && o.instance === instance.key
          );
          for (const { key } of same4.length > 0 ? same4 : owners) {
            const facts = identities.get(key);
            if (!facts) continue;
            placed = true;
            const permission = glue.inline ? inlinePermission(module2, block, instance, glue.inline) : attachedPermission(module2, block, instance, glue.arn);
            facts.permissions.set(permission.key, permission);
          }
        }
      }
    }
    if (!placed) unplacedGlue.push(block);
  }
  applyExclusivity(module2, identities, names2);
  return { identities, unplacedGlue };
}
function exclusiveList(module2, block, attribute2, instance, inline) {
  const raw = block.body[attribute2];
  const value = module2.attribute(block, attribute2, instance);
  if (!Array.isArray(value)) return value === null ? /* @__PURE__ */ new Set() : void 0;
  const kept = /* @__PURE__ */ new Set();
  const items = value;
  for (const [i, item] of items.entries()) {
    const policy = inline ? void 0 : referencedAddresses(Array.isArray(raw) ? raw[i] : raw, module2).find(
      (a) => a.startsWith("aws_iam_policy.")
    );
    if (policy && Array.isArray(raw)) kept.add(policy);
    else if (typeof item === "string") kept.add(item);
    else return void 0;
  }
  return kept;
}
function applyExclusivity(module2, identities, names2) {
  const keep = (facts, by, inline, kept) => {
    for (const [key, p] of facts.permissions) {
      if (p.attached === inline || p.from === facts.block) continue;
      if (!kept) {
        facts.undetermined.push(
          `${by} keeps only the policies it lists, and what it lists is not known from the files: whether it detaches ${p.label} cannot be told`
        );
        continue;
      }
      const name = inline ? typeof p.name === "string" ? p.name : void 0 : key;
      if (name !== void 0 && kept.has(name)) continue;
      if (!inline && !key.startsWith("aws_iam_policy.") && key.includes("${")) {
        facts.undetermined.push(
          `${by} keeps only the policies it lists, and the ARN of ${p.label} is not known from the files`
        );
        continue;
      }
      if (inline && p.name !== null && typeof p.name !== "string") {
        facts.undetermined.push(
          `${by} keeps only the inline policies it names, and the name of ${p.label} is not known from the files`
        );
        continue;
      }
      facts.permissions.delete(key);
      facts.detached.set(key, p);
    }
  };
  for (const facts of identities.values()) {
    const instance = module2.instancesOf(facts.block)[0];
    if (!instance) continue;
    if (facts.block.body.managed_policy_arns !== void 0) {
      const kept = exclusiveList(module2, facts.block, "managed_policy_arns", instance, false);
      keep(facts, `managed_policy_arns of ${facts.block.address}`, false, kept);
    }
    if (facts.block.body.inline_policy !== void 0) {
      const kept = new Set(
        module2.nestedBlocks(facts.block.body, "inline_policy", instance).map((b) => b.attribute("name")).filter((n) => typeof n === "string")
      );
      keep(facts, `the inline_policy blocks of ${facts.block.address}`, true, kept);
    }
  }
  for (const block of module2.blocks.values()) {
    if (block.kind !== "resource") continue;
    const exclusive = EXCLUSIVE[block.type];
    if (exclusive) {
      for (const instance of module2.instancesOf(block))
        for (const owner2 of ownersOf(
          module2,
          block,
          exclusive.owner,
          exclusive.type,
          instance,
          names2
        )) {
          const facts = identities.get(owner2);
          if (!facts) continue;
          const kept = exclusiveList(module2, block, exclusive.list, instance, exclusive.inline);
          keep(facts, block.address, exclusive.inline, kept);
        }
      continue;
    }
    if (block.type !== "aws_iam_policy_attachment") continue;
    for (const instance of module2.instancesOf(block)) {
      const policy = attachedPermission(module2, block, instance, "policy_arn");
      for (const facts of identities.values()) {
        const held = facts.permissions.get(policy.key);
        if (held && held.from !== block) {
          const listed3 = Object.entries(GLUE.aws_iam_policy_attachment?.owner ?? {}).some(
            ([attribute2, type]) => ownersOf(module2, block, attribute2, type, instance, names2).some(
              (o) => o === facts.block.address
            )
          );
          if (!listed3) {
            facts.permissions.delete(policy.key);
            facts.detached.set(policy.key, held);
          }
        }
      }
    }
  }
}
function gluePermissions(module2, block) {
  const glue = GLUE[block.type];
  const out = /* @__PURE__ */ new Map();
  if (!glue) return out;
  for (const instance of module2.instancesOf(block)) {
    const permission = glue.inline ? inlinePermission(module2, block, instance, glue.inline) : attachedPermission(module2, block, instance, glue.arn);
    out.set(permission.key, permission);
  }
  return out;
}
function ownersOf(module2, block, attribute2, type, instance, names2) {
  const raw = block.body[attribute2];
  if (raw === void 0) return [];
  const referenced = referencedAddresses(raw, module2).filter((a) => a.startsWith(`${type}.`));
  if (referenced.length > 0) return referenced;
  const value = module2.attribute(block, attribute2, instance);
  return (Array.isArray(value) ? value : [value]).map((v) => typeof v === "string" ? names2.get(`${type}\0${v}`) : void 0).filter((a) => a !== void 0);
}
var withKey = (address, instance) => instance.key === void 0 ? address : `${address}[${typeof instance.key === "number" ? instance.key : JSON.stringify(instance.key)}]`;
function inlinePermission(module2, block, instance, attribute2) {
  const address = withKey(block.address, instance);
  return {
    key: `inline ${address}`,
    label: `inline policy ${address}`,
    from: block,
    attached: false,
    name: module2.attribute(block, "name", instance),
    ...documentOf(module2.attribute(block, attribute2, instance))
  };
}
function attachedPermission(module2, block, instance, attribute2) {
  const address = withKey(block.address, instance);
  const policy = referencedAddresses(block.body[attribute2], module2).find(
    (a) => a.startsWith("aws_iam_policy.")
  );
  return policyByArn(module2, block, policy, module2.attribute(block, attribute2, instance), address);
}
function policyByArn(module2, from, policyAddress, arn, via) {
  const policy = policyAddress ? module2.blocks.get(policyAddress) : void 0;
  if (policy) {
    const instance = module2.instancesOf(policy)[0];
    const document = instance ? documentOf(module2.attribute(policy, "policy", instance)) : {
      unknown: { text: policy.address, reasons: ["the policy has count 0"] },
      fingerprint: "?"
    };
    return {
      key: policy.address,
      label: `policy ${policy.address} (${via})`,
      from,
      attached: true,
      ...document
    };
  }
  const text4 = printed(arn);
  const denyOnly = denyOnlyManagedPolicy(text4);
  return {
    key: text4,
    label: `policy ${text4} (${via})`,
    from,
    attached: true,
    fingerprint: text4,
    ...denyOnly === "AWSDenyAll" ? { document: policyFromJson(DENY_ALL_DOCUMENT) } : denyOnly ? { denyOnly } : {
      // A policy outside the folder: what it allows (or denies) is not here.
      unknown: {
        text: text4,
        reasons: ["it is a policy outside these files, so what it allows is not known"]
      }
    }
  };
}
function identityFacts(module2, block, instance) {
  const permissions = /* @__PURE__ */ new Map();
  if (block.type === "aws_iam_policy" || block.type.endsWith("_policy")) {
    if (block.body.policy !== void 0)
      permissions.set("policy", {
        key: "policy",
        label: `policy ${block.address}`,
        from: block,
        attached: false,
        ...documentOf(module2.attribute(block, "policy", instance))
      });
  }
  for (const inline of module2.nestedBlocks(block.body, "inline_policy", instance)) {
    if (inline.attribute("name") === null && inline.attribute("policy") === null) continue;
    const name = printed(inline.attribute("name"));
    permissions.set(`inline ${name}`, {
      key: `inline ${name}`,
      label: `inline_policy ${name} of ${block.address}`,
      from: block,
      attached: false,
      name: inline.attribute("name"),
      ...documentOf(inline.attribute("policy"))
    });
  }
  const managed = module2.attribute(block, "managed_policy_arns", instance);
  if (managed !== null) {
    const arns = Array.isArray(managed) ? managed : [managed];
    for (const arn of arns) {
      const text4 = printed(arn);
      const policy = referencedAddresses(text4.replace(/^\$\{|\}$/g, ""), module2).find(
        (a) => a.startsWith("aws_iam_policy.")
      );
      const permission = policyByArn(
        module2,
        block,
        policy,
        arn,
        `managed_policy_arns of ${block.address}`
      );
      permissions.set(permission.key, permission);
    }
  }
  const forcesNew = /* @__PURE__ */ new Map();
  const other = /* @__PURE__ */ new Map();
  const forced = FORCES_NEW[block.type] ?? [];
  for (const key of Object.keys(block.body).sort()) {
    if (READ_AS_DOCUMENTS.has(key)) continue;
    if (key === "dynamic") {
      const { inline_policy: _, ...rest } = record(block.body.dynamic);
      if (Object.keys(rest).length > 0) other.set(key, JSON.stringify(rest));
      continue;
    }
    const value = printed(module2.attribute(block, key, instance));
    (forced.includes(key) ? forcesNew : other).set(key, value);
  }
  const boundary = block.body.permissions_boundary === void 0 ? void 0 : policyByArn(
    module2,
    block,
    referencedAddresses(block.body.permissions_boundary, module2).find(
      (a) => a.startsWith("aws_iam_policy.")
    ),
    module2.attribute(block, "permissions_boundary", instance),
    `permissions_boundary of ${block.address}`
  );
  return {
    block,
    ...instance.conditional ? { conditional: instance.conditional } : {},
    ...boundary ? { boundary } : {},
    detached: /* @__PURE__ */ new Map(),
    undetermined: [],
    ...block.type === "aws_iam_role" ? { trust: documentOf(module2.attribute(block, "assume_role_policy", instance)) } : {},
    permissions,
    forcesNew,
    other
  };
}

// src/core/classify/terraform-scenarios.ts
function named(names2, detail) {
  const mentioned = names2.filter((n) => new RegExp(`\\bvar\\.${regExpLiteral(n)}\\b`).test(detail));
  const shown = (mentioned.length > 0 ? mentioned : names2).map((n) => `var.${n}`);
  return `${shown.slice(0, 3).join(", ")}${shown.length > 3 ? ` and ${shown.length - 3} more` : ""}`;
}
var MAX_SCENARIOS = 60;
var isEmpty2 = (v) => v === null || v === "" || Array.isArray(v) && v.length === 0;
function sample(variable) {
  const type = variable.type ?? (Array.isArray(variable.default) ? "list(string)" : "string");
  if (type === "string") return `<var.${variable.name}>`;
  if (/^(list|set)\(string\)$/.test(type))
    return [`<var.${variable.name}[0]>`, `<var.${variable.name}[1]>`];
  if (type === "bool" || type === "number") return void 0;
  return new Unknown(`var.${variable.name}`, [`var.${variable.name} is set by the caller`]);
}
var isEmptyObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0;
function scenariosOf(base, head) {
  const before = variablesOf(base);
  const variables = new Map([...before, ...variablesOf(head)]);
  const existing = [...variables.values()].filter((v) => before.has(v.name));
  const scenarios = [
    { values: /* @__PURE__ */ new Map() },
    ...flagScenarios(existing, false),
    ...flagScenarios([...variables.values()], true)
  ];
  const overridable = [...variables.values()].filter(
    (v) => typeof v.default === "string" && v.default !== "" || Array.isArray(v.default) && v.default.length > 0 && v.default.every((x) => typeof x === "string")
  );
  if (overridable.length > 0) {
    const { sampled, flags } = inputsOf([...variables.values()]);
    const set = new Map([...sampled, ...flags.map((f) => [f, true])]);
    for (const v of overridable)
      set.set(v.name, new Unknown(`var.${v.name}`, [`var.${v.name} is set by the caller`]));
    scenarios.push({
      label: (detail) => `when callers set inputs that have defaults (${named(
        overridable.map((v) => v.name),
        detail
      )})`,
      values: set,
      speculative: true
    });
  }
  return scenarios;
}
function inputsOf(variables) {
  const sampled = /* @__PURE__ */ new Map();
  const flags = [];
  for (const v of [...variables].sort((a, b) => a.name < b.name ? -1 : 1)) {
    if (v.default === false) flags.push(v.name);
    if (v.hasDefault && (isEmpty2(v.default) || isEmptyObject(v.default))) {
      const value = sample(v);
      if (value !== void 0) sampled.set(v.name, value);
    }
  }
  return { sampled, flags };
}
function flagScenarios(variables, speculative) {
  const { sampled, flags } = inputsOf(variables);
  const scenarios = [];
  const push2 = (label, values2) => scenarios.push({ label, values: values2, ...speculative ? { speculative } : {} });
  const inputs = (detail) => `with values for inputs empty by default (${named([...sampled.keys()], detail)})`;
  if (sampled.size > 0) push2(inputs, sampled);
  if (flags.length > 1) {
    const all = new Map(flags.map((f) => [f, true]));
    const on = "when every flag that is off by default is on";
    push2(() => on, all);
    if (sampled.size > 0)
      push2((detail) => `${on}, ${inputs(detail)}`, new Map([...sampled, ...all]));
  }
  for (const flag2 of flags.slice(0, MAX_SCENARIOS)) {
    push2(() => `when var.${flag2} = true`, /* @__PURE__ */ new Map([[flag2, true]]));
    if (sampled.size > 0)
      push2(
        (detail) => `when var.${flag2} = true, ${inputs(detail)}`,
        new Map([...sampled, [flag2, true]])
      );
  }
  return scenarios;
}

// src/core/classify/terraform-module-changes.ts
function sideOf2(files, values2, assets) {
  const module2 = readModule(files, values2, assets);
  const { identities, unplacedGlue } = identitiesOf(module2);
  return {
    module: module2,
    variables: new Set(variablesOf(files).keys()),
    texts: new Map(files.map((f) => [f.path, f.text])),
    identities,
    unplacedGlue
  };
}
function at2(side, block) {
  const text4 = side.texts.get(block.file);
  const line = text4 === void 0 ? void 0 : blockLine(text4, block);
  return { file: block.file, ...line ? { line } : {} };
}
function near(side, block, detail) {
  const needle = /(?:allows|denies|trusts) (?:\S+ )?(\S+?)(?: on| \(|$| without| when)/.exec(
    detail
  )?.[1];
  const start = at2(side, block);
  if (!needle) return start;
  const find = (file, from) => {
    const lines = (side.texts.get(file) ?? "").split("\n");
    for (let i = from; i < lines.length; i++)
      if (lines[i].includes(needle)) return i + 1;
    return void 0;
  };
  const inBlock = find(block.file, (start.line ?? 1) - 1);
  if (inBlock) return { file: block.file, line: inBlock };
  for (const file of [...side.texts.keys()].sort()) {
    const line = find(file, 0);
    if (line) return { file, line };
  }
  return start;
}
var same3 = (a, b) => JSON.stringify(a) === JSON.stringify(b);
var Found = class _Found {
  classes = /* @__PURE__ */ new Set();
  evidence = [];
  /** What changes through a policy of the folder the identity attaches, by that policy. */
  through = /* @__PURE__ */ new Map();
  add(klass, evidence) {
    this.classes.add(klass);
    this.evidence.push(evidence);
  }
  /** What was found, as the change of a resource; undefined when nothing was. */
  change(address, type, more = {}) {
    if (this.classes.size === 0) return void 0;
    return {
      system: "terraform",
      address,
      type,
      classes: [...this.classes].sort(compareClasses),
      evidence: this.evidence,
      ...more
    };
  }
  via(policy) {
    let found = this.through.get(policy);
    if (!found) {
      found = new _Found();
      this.through.set(policy, found);
    }
    return found;
  }
};
function unknownDetail(what, document) {
  const u = document.unknown;
  return u ? `${what} cannot be evaluated from the files: ${u.text} (${u.reasons.join("; ")})` : `${what} changes`;
}
function compareDocuments2(found, what, was, now, trust, where2, blocks) {
  if (was.fingerprint === now.fingerprint) return;
  if (was.document && now.document) {
    const result = trust ? compareTrust(was.document, now.document) : comparePermissions(was.document, now.document);
    const classes = trust && result.known ? [
      ...result.known.narrowed ? ["trust-narrowed"] : [],
      ...result.known.widened ? ["trust-widened"] : [],
      ...result.known.unknown ? ["unknown"] : []
    ] : result.classes;
    for (const klass of classes) found.classes.add(klass);
    for (const detail of result.details) {
      const place = !blocks ? {} : detail.startsWith("no longer") ? near(blocks.base, blocks.was, detail) : near(blocks.head, blocks.now, detail);
      found.evidence.push({ ...where2, ...place, detail: trust ? detail : `${what}: ${detail}` });
    }
    return;
  }
  const unknown = now.unknown ? now : was;
  found.add("unknown", { ...where2, detail: unknownDetail(what, unknown) });
}
var NOTHING = policyFromJson({ Version: "2012-10-17", Statement: [] });
var EVERYTHING = policyFromJson({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }]
});
function presenceChange(document, added) {
  const allows2 = { statements: document.statements.filter((s) => s.effect === "Allow") };
  const denies = {
    statements: [
      ...EVERYTHING.statements,
      ...document.statements.filter((s) => s.effect === "Deny")
    ]
  };
  const pair = (a, b) => added ? comparePermissions(a, b) : comparePermissions(b, a);
  const results = [
    ...allows2.statements.length > 0 ? [pair(NOTHING, allows2)] : [],
    ...denies.statements.length > 1 ? [pair(EVERYTHING, denies)] : []
  ];
  return {
    classes: results.flatMap((r) => r.classes),
    details: results.flatMap((r) => r.details)
  };
}
function comparePresence(found, address, side, p, added) {
  const where2 = { address, ...at2(side, p.from) };
  const said = added ? p.attached ? `now has ${p.label} attached` : `now has ${p.label}` : p.attached ? `no longer has ${p.label} attached` : `no longer has ${p.label}`;
  if (p.document) {
    const result = presenceChange(p.document, added);
    found.evidence.push({ ...where2, detail: said });
    for (const klass of result.classes) found.classes.add(klass);
    for (const detail of result.details)
      found.evidence.push({ ...where2, detail: `${p.label}: ${detail}` });
    return;
  }
  if (p.denyOnly) {
    found.add(added ? "permissions-removed" : "permissions-added", {
      ...where2,
      detail: `${said}: ${p.denyOnly} is an AWS managed policy that only denies, so ${added ? "what it denies is taken away" : "what it denied is allowed again"}`
    });
    return;
  }
  found.add(added ? "permissions-added" : "permissions-removed", { ...where2, detail: said });
  if (p.unknown)
    found.add("unknown", {
      ...where2,
      detail: unknownDetail(`what ${p.label} allows or denies`, p)
    });
}
function compareBoundary(found, address, base, head, was, now) {
  if (!was && !now) return;
  if (was && now && was.fingerprint === now.fingerprint) return;
  const where2 = { address, attribute: "permissions_boundary" };
  if (!now && was) {
    found.add("permissions-added", {
      ...where2,
      ...at2(base, was.from),
      detail: `no longer has the permissions boundary ${was.key}: what its policies allow is no longer capped`
    });
    return;
  }
  const boundary = now;
  const place = { ...where2, ...at2(head, boundary.from) };
  if (was?.document && boundary.document) {
    compareDocuments2(found, "the permissions boundary", was, boundary, false, place);
    return;
  }
  found.add("permissions-removed", {
    ...place,
    detail: was ? `the permissions boundary changes from ${was.key} to ${boundary.key}: it can do only what the new one allows` : `now has the permissions boundary ${boundary.key}: it can do only what that allows`
  });
  if (was && !boundary.denyOnly && !boundary.document)
    found.add("unknown", {
      ...place,
      detail: `what the permissions boundary ${boundary.key} allows is not in the files: whether it is wider than ${was.key} cannot be told`
    });
}
function comparePermissionMaps(found, address, base, head, was, now) {
  for (const [key, p] of was) {
    if (now.has(key)) continue;
    comparePresence(found, address, base, p, false);
  }
  for (const [key, p] of now) {
    const old = was.get(key);
    if (!old) {
      comparePresence(found, address, head, p, true);
      continue;
    }
    const policy = p.attached && old.attached && key.startsWith("aws_iam_policy.");
    compareDocuments2(
      policy ? found.via(key) : found,
      p.label,
      old,
      p,
      false,
      { address, ...at2(head, p.from) },
      {
        base,
        head,
        was: old.from,
        now: p.from
      }
    );
  }
}
function compareAttributes(found, address, type, head, block, was, now) {
  const where2 = at2(head, block);
  const value = (map, key) => map.get(key) || (PROVIDER_DEFAULTS[type]?.[key] ?? "");
  for (const key of [.../* @__PURE__ */ new Set([...was.forcesNew.keys(), ...now.forcesNew.keys()])].sort()) {
    const a = value(was.forcesNew, key);
    const b = value(now.forcesNew, key);
    if (a === b) continue;
    found.add("replaced", {
      address,
      attribute: key,
      ...where2,
      detail: `${key} ${a === "" ? `set to ${b}` : b === "" ? `${a} removed` : `${a} \u2192 ${b}`}: it cannot change in place, so the ${type} is destroyed and recreated (a new ARN)`
    });
  }
  for (const key of [.../* @__PURE__ */ new Set([...was.other.keys(), ...now.other.keys()])].sort()) {
    if (was.other.get(key) === now.other.get(key)) continue;
    found.add("modified", { address, attribute: key, ...where2, detail: `${key} changes` });
  }
}
function factsOf2(identity) {
  if (!identity) return { exists: false, policies: [] };
  const policies = [...identity.permissions.values()].map((p) => p.document).filter((d) => d !== void 0);
  return {
    exists: true,
    ...identity.trust?.document ? { trust: identity.trust.document } : {},
    policies
  };
}
function compareIdentity(address, base, head, was, now, through) {
  const found = new Found();
  const block = (now ?? was)?.block;
  if (!now && was) {
    found.add("deleted", {
      address,
      ...at2(base, was.block),
      detail: "removed from the configuration: destroyed on apply"
    });
  } else if (now && !was) {
    found.add("added", {
      address,
      ...at2(head, now.block),
      detail: now.conditional ? `added (${now.conditional})` : "added"
    });
  } else if (now && was) {
    compareAttributes(found, address, block.type, head, now.block, was, now);
    if (was.trust && now.trust)
      compareDocuments2(
        found,
        "trust policy",
        was.trust,
        now.trust,
        true,
        { address, attribute: "assume_role_policy", ...at2(head, now.block) },
        { base, head, was: was.block, now: now.block }
      );
    comparePermissionMaps(found, address, base, head, was.permissions, now.permissions);
    for (const [key, p] of now.detached) {
      const old = was.detached.get(key);
      if (old) compareDocuments2(found, p.label, old, p, false, { address, ...at2(head, p.from) });
    }
    compareBoundary(found, address, base, head, was.boundary, now.boundary);
    for (const note of now.undetermined)
      if (!was.undetermined.includes(note))
        found.add("unknown", { address, ...at2(head, now.block), detail: note });
    compareTriggers(found, address, base, head, was.block, now.block);
    const before = undeclaredLocals(base, was);
    const missing = [...undeclaredLocals(head, now)].filter((name) => !before.has(name));
    for (const name of missing)
      found.add("unknown", {
        address,
        ...at2(head, now.block),
        detail: `uses ${name}, which no file of this module declares: Terraform rejects the configuration, and what the role trusts or allows cannot be read`
      });
    if (before.size > 0 && found.classes.has("trust-narrowed")) {
      const broken = (detail) => detail.startsWith("no longer trusts") && [...before].some((n) => detail.includes(`\${${n}}`));
      const kept = found.evidence.filter((e) => !broken(e.detail));
      if (kept.length < found.evidence.length) {
        found.evidence.splice(0, found.evidence.length, ...kept);
        if (!kept.some(
          (e) => /^(no longer trusts|trusts .* only under more|changed the conditions)/.test(e.detail)
        ))
          found.classes.delete("trust-narrowed");
        found.add("unknown", {
          address,
          ...at2(base, was.block),
          detail: `the trust it had named ${[...before].join(", ")}, which no file of this module declared: it could not be evaluated, so what it stops trusting is not known`
        });
      }
    }
  }
  for (const [policy, f] of found.through) {
    const change = f.change(address, block.type, { through: policy });
    if (change) through.push(change);
  }
  return found.change(address, block.type, {
    ...was ? { before: factsOf2(was) } : {},
    after: factsOf2(now)
  });
}
var VOLATILE = /\b(timestamp|plantimestamp|uuid|bcrypt)\s*\(/;
function triggersOf(side, block) {
  const items = list(block.body.lifecycle).map((l) => record(l).replace_triggered_by).flatMap((t) => t === void 0 ? [] : Array.isArray(t) ? t : [t]);
  const addresses = /* @__PURE__ */ new Set();
  let unresolved = false;
  for (const item of items) {
    const named2 = referencedAddresses(item, side.module).filter((a) => !a.startsWith("data."));
    if (named2.length === 0) unresolved = true;
    for (const a of named2) addresses.add(a);
  }
  return { written: JSON.stringify(items), items, addresses: [...addresses].sort(), unresolved };
}
function compareTriggers(found, address, base, head, was, now) {
  const before = triggersOf(base, was);
  const after = triggersOf(head, now);
  if (after.items.length === 0) return;
  const where2 = { address, attribute: "lifecycle", ...at2(head, now) };
  const recreated = `the ${now.type} is destroyed and recreated (a new ARN)`;
  const volatile = after.addresses.filter((a) => {
    const block = head.module.blocks.get(a);
    return block !== void 0 && VOLATILE.test(JSON.stringify(block.body));
  });
  if (before.written !== after.written)
    found.add("replaced", {
      ...where2,
      detail: `lifecycle.replace_triggered_by changes (now ${after.addresses.join(", ") || "unresolved"}): ${recreated} when what it names changes${volatile.length > 0 ? `, and ${volatile.join(", ")} changes on every apply` : ""}`
    });
  for (const target of after.addresses) {
    const old = base.module.blocks.get(target);
    const next = head.module.blocks.get(target);
    if (old && next && same3(old.body, next.body)) continue;
    found.add("replaced", {
      ...where2,
      detail: `${target} ${old ? "changes" : "is added"}, and lifecycle.replace_triggered_by names it: ${recreated}`
    });
  }
  if (after.unresolved)
    found.add("unknown", {
      ...where2,
      detail: "lifecycle.replace_triggered_by names something that is not a resource of this folder: when it replaces the resource cannot be told"
    });
}
function compareUnplacedGlue(address, base, head, was, now) {
  const found = new Found();
  const block = now ?? was;
  const before = was ? gluePermissions(base.module, was) : /* @__PURE__ */ new Map();
  const after = now ? gluePermissions(head.module, now) : /* @__PURE__ */ new Map();
  comparePermissionMaps(found, address, base, head, before, after);
  if (was && now) {
    const attributes = (side, b) => {
      const forced = FORCES_NEW[b.type] ?? [];
      const forcesNew = /* @__PURE__ */ new Map();
      const other = /* @__PURE__ */ new Map();
      const instance = side.module.instancesOf(b)[0];
      if (!instance) return { forcesNew, other };
      for (const key of Object.keys(b.body)) {
        if (["policy", "policy_arn", "count", "for_each", "depends_on"].includes(key)) continue;
        const value = printed(side.module.attribute(b, key, instance));
        (forced.includes(key) ? forcesNew : other).set(key, value);
      }
      return { forcesNew, other };
    };
    compareAttributes(
      found,
      address,
      block.type,
      head,
      now,
      attributes(base, was),
      attributes(head, now)
    );
  }
  if (found.classes.size === 0) return void 0;
  const note = {
    address,
    ...at2(now ? head : base, block),
    detail: `the identity it belongs to is not defined in this folder: the change is ${block.address}'s`
  };
  return found.change(address, block.type, { evidence: [...found.evidence, note] });
}
function undeclaredLocals(side, facts) {
  const texts = [
    facts.trust?.fingerprint ?? "",
    ...[...facts.permissions.values()].map((p) => p.fingerprint)
  ];
  const out = /* @__PURE__ */ new Set();
  for (const text4 of texts)
    for (const m of text4.matchAll(/\$\{(local|var)\.([A-Za-z_][\w-]*)\}/g)) {
      const name = m[2];
      const declared = m[1] === "local" ? side.module.locals.has(name) : side.variables.has(name);
      if (!declared) out.add(`${m[1]}.${name}`);
    }
  return out;
}
function movesOf(files) {
  const moves = /* @__PURE__ */ new Map();
  const address = (raw) => typeof raw === "string" ? withoutIndexes(raw.replace(/^\$\{|\}$/g, "").trim()) : void 0;
  for (const file of files)
    for (const block of list(file.json.moved)) {
      const from = address(record(block).from);
      const to = address(record(block).to);
      if (from && to && from !== to) moves.set(from, to);
    }
  return moves;
}
function onlyAssumes(document) {
  return document.statements.length > 0 && document.statements.every(
    (s) => (s.principals.length > 0 || s.notPrincipals.length > 0) && s.actions.expressions.length === 0 && s.actions.literal.every(
      (a) => /^sts:(AssumeRole\w*|TagSession|SetSourceIdentity)$/i.test(a)
    )
  );
}
function usedDocuments(side) {
  const used = /* @__PURE__ */ new Set();
  const queue = [...side.module.blocks.values()].filter(
    (b) => b.kind === "resource" && (IDENTITY_TYPES.includes(b.type) || isGlue(b.type))
  );
  while (queue.length > 0) {
    const block = queue.pop();
    for (const address of referencedAddresses(block.body, side.module)) {
      if (!address.startsWith("data.aws_iam_policy_document.") || used.has(address)) continue;
      used.add(address);
      const document = side.module.blocks.get(address);
      if (document) queue.push(document);
    }
  }
  return used;
}
function compareOtherBlock(address, base, head, was, now) {
  const block = now ?? was;
  const found = new Found();
  if (!now && was)
    found.add("deleted", {
      address,
      ...at2(base, was),
      detail: "removed from the configuration: destroyed on apply"
    });
  else if (now && !was) found.add("added", { address, ...at2(head, now), detail: "added" });
  else if (now && was && !same3(now.body, was.body)) {
    if (block.kind === "data" && block.type === "aws_iam_policy_document") {
      const document = (side, b) => {
        const instance = side.module.instancesOf(b)[0];
        return documentOf(instance ? side.module.policyDocument(b, instance) : null);
      };
      const old = document(base, was);
      const next = document(head, now);
      if (old.fingerprint !== next.fingerprint) {
        if (old.document && next.document) {
          const result = onlyAssumes(old.document) && onlyAssumes(next.document) ? compareTrust(old.document, next.document) : comparePermissions(old.document, next.document);
          for (const klass of result.classes) found.classes.add(klass);
          for (const detail of result.details)
            found.evidence.push({ address, ...at2(head, now), detail });
        } else
          found.add("unknown", {
            address,
            ...at2(head, now),
            detail: unknownDetail("the document", next.unknown ? next : old)
          });
        if (found.classes.size === 0)
          found.add("modified", {
            address,
            ...at2(head, now),
            detail: "the document changed, not what it allows"
          });
      }
    } else {
      const keys = [.../* @__PURE__ */ new Set([...Object.keys(was.body), ...Object.keys(now.body)])].sort();
      for (const key of keys.filter((k) => !same3(was.body[k], now.body[k]))) {
        const triggered = key === "lifecycle" && triggersOf(head, now).items.length > 0 && triggersOf(base, was).written !== triggersOf(head, now).written;
        const forced = triggered || (FORCES_NEW[block.type] ?? []).includes(key);
        found.add(forced ? "replaced" : "modified", {
          address,
          attribute: key,
          ...at2(head, now),
          detail: triggered ? `lifecycle.replace_triggered_by changes: the ${block.type} is destroyed and recreated when what it names changes` : forced ? `${key} changes: it cannot change in place, so the ${block.type} is destroyed and recreated` : `${key} changes`
        });
      }
    }
  }
  const exclusive = EXCLUSIVE[block.type];
  if (exclusive && now && found.classes.size > 0 && !isPlacedHere(head, now, exclusive.type))
    found.add("unknown", {
      address,
      ...at2(head, now),
      detail: `it makes the ${exclusive.inline ? "inline policies" : "attached policies"} of an identity not defined in this folder exactly its ${exclusive.list}: what it detaches cannot be told`
    });
  return found.change(address, block.type);
}
function isPlacedHere(side, block, type) {
  return referencedAddresses(block.body, side.module).some((a) => a.startsWith(`${type}.`));
}
function classifyTerraformModule(base, head, assets = {}) {
  const merged = /* @__PURE__ */ new Map();
  let tooLarge = false;
  for (const scenario of scenariosOf(base ?? [], head ?? [])) {
    if (tooLarge) break;
    const { value: changes, exhausted } = measuredWork(
      () => changesIn(base ?? [], head ?? [], scenario.values, assets)
    );
    if (exhausted) tooLarge = true;
    for (const change of changes) {
      const known = merged.get(change.address);
      const details = known?.details ?? /* @__PURE__ */ new Set();
      const fresh = change.evidence.filter((e) => {
        if (details.has(e.detail)) return false;
        details.add(e.detail);
        return true;
      });
      if (fresh.length === 0) continue;
      const evidence = fresh.map(
        (e) => scenario.label ? { ...e, detail: `${e.detail} (${scenario.label(e.detail)})` } : e
      );
      const speculative = scenario.speculative === true;
      if (!known) {
        merged.set(change.address, {
          change: speculative ? {
            ...change,
            classes: ["modified"],
            evidence: [
              {
                ...evidence[0] ?? {},
                detail: "no change for the module's existing callers; it changes only for callers that opt in:"
              },
              ...evidence
            ]
          } : { ...change, evidence },
          details,
          speculative
        });
        continue;
      }
      const classes = speculative ? known.change.classes : known.speculative ? change.classes : [.../* @__PURE__ */ new Set([...known.change.classes, ...change.classes])].sort(compareClasses);
      known.change = {
        ...known.change,
        classes,
        evidence: [...known.change.evidence, ...evidence]
      };
      if (!speculative) known.speculative = false;
    }
  }
  return [...merged.values()].map((m) => m.change).sort((a, b) => a.address < b.address ? -1 : 1);
}
function changesIn(base, head, values2, assets) {
  const before = sideOf2(base, values2, assets.base ?? /* @__PURE__ */ new Map());
  const after = sideOf2(head, values2, assets.head ?? /* @__PURE__ */ new Map());
  const changes = [];
  const union2 = (a, b) => [.../* @__PURE__ */ new Set([...a, ...b])].sort();
  const moves = movesOf(head);
  const movedFrom = /* @__PURE__ */ new Map();
  for (const [from, to] of moves)
    if (before.identities.has(from) && after.identities.has(to) && !after.identities.has(from))
      movedFrom.set(to, from);
  const gone = new Set(movedFrom.values());
  for (const address of union2(before.identities.keys(), after.identities.keys())) {
    if (gone.has(address)) continue;
    const previous = movedFrom.get(address);
    const change = compareIdentity(
      address,
      before,
      after,
      before.identities.get(previous ?? address),
      after.identities.get(address),
      changes
    );
    if (previous) {
      const now = after.identities.get(address);
      const evidence = {
        address,
        ...at2(after, now.block),
        detail: `moved from ${previous} (a moved block): the same object at a new address`
      };
      changes.push({
        ...change ?? {
          system: "terraform",
          address,
          type: now.block.type,
          evidence: [],
          before: factsOf2(before.identities.get(previous)),
          after: factsOf2(now)
        },
        previousAddress: previous,
        classes: [.../* @__PURE__ */ new Set(["renamed", ...change?.classes ?? []])].sort(
          compareClasses
        ),
        evidence: [evidence, ...change?.evidence ?? []]
      });
      continue;
    }
    if (change) changes.push(change);
  }
  const unplaced = (side) => new Map(side.unplacedGlue.map((b) => [b.address, b]));
  const glueBefore = unplaced(before);
  const glueAfter = unplaced(after);
  for (const address of union2(glueBefore.keys(), glueAfter.keys())) {
    const placedElsewhere = !glueBefore.has(address) && before.module.blocks.has(address) || !glueAfter.has(address) && after.module.blocks.has(address);
    if (placedElsewhere) continue;
    const change = compareUnplacedGlue(
      address,
      before,
      after,
      glueBefore.get(address),
      glueAfter.get(address)
    );
    if (change) changes.push(change);
  }
  const used = /* @__PURE__ */ new Set([...usedDocuments(before), ...usedDocuments(after)]);
  const others = (side) => new Map(
    [...side.module.blocks.values()].filter(
      (b) => !IDENTITY_TYPES.includes(b.type) && !isGlue(b.type) && !used.has(b.address) && (b.kind === "resource" || b.type === "aws_iam_policy_document")
    ).map((b) => [b.address, b])
  );
  const othersBefore = others(before);
  const othersAfter = others(after);
  for (const address of union2(othersBefore.keys(), othersAfter.keys())) {
    const change = compareOtherBlock(
      address,
      before,
      after,
      othersBefore.get(address),
      othersAfter.get(address)
    );
    if (change) changes.push(change);
  }
  if (workExhausted())
    for (const address of union2(before.identities.keys(), after.identities.keys())) {
      const facts = after.identities.get(address) ?? before.identities.get(address);
      const evidence = {
        address,
        ...at2(after.identities.has(address) ? after : before, facts.block),
        detail: "the folder is too large to evaluate (it builds more than the evaluation budget allows): what changes for it cannot be told"
      };
      const i = changes.findIndex((c) => c.address === address && c.through === void 0);
      const known = changes[i];
      if (known?.classes.includes("unknown")) continue;
      if (known)
        changes[i] = {
          ...known,
          classes: [...known.classes, "unknown"].sort(compareClasses),
          evidence: [...known.evidence, evidence]
        };
      else
        changes.push({
          system: "terraform",
          address,
          type: facts.block.type,
          classes: ["unknown"],
          evidence: [evidence]
        });
    }
  return changes;
}

// src/app/classify-changes.ts
var MAX_FOLDER_FILES = 60;
var TERRAFORM = /\.tf$/;
var TERRAFORM_ANY = /\.tf$|\.tf\.json$|\.tfvars$|\.tfvars\.json$/;
var OVERRIDE = /(?:^|\/)(?:override|[^/]*_override)\.tf(?:\.json)?$/;
var TFVARS = /\.tfvars(?:\.json)?$/;
var OVERRIDDEN = "Terraform merges override files into the other blocks of their module: not evaluated";
var VARIABLES = "Terraform variable files are not evaluated: the values they set reach the module's resources";
function matchesANode(paths, file) {
  return paths.match(file.path, file.repo).length > 0 || file.previousPath !== void 0 && paths.match(file.previousPath, file.repo).length > 0;
}
var JSON_FILE = /\.json$/;
var YAML = /\.ya?ml$/;
var unreadable = (file, why, partly = false) => [
  {
    system: "file",
    address: file.path,
    type: "file",
    classes: file.status === "removed" && !partly ? ["deleted"] : file.status === "renamed" ? ["renamed", "unknown"] : ["unknown"],
    evidence: [{ file: file.path, detail: why }]
  }
];
function judgeable(file, contents) {
  if (!contents) return { why: "its contents could not be read" };
  if (contents.unreadable !== void 0) return { why: contents.unreadable };
  if (file.status !== "removed" && contents.head === void 0)
    return { why: "its contents at head could not be read" };
  if (file.status !== "added" && contents.base === void 0)
    return { why: "its contents at base could not be read" };
  return { contents };
}
var sizeOf = (bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
var folderOf2 = (path) => path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : ".";
async function moduleFiles(files) {
  return Promise.all(
    files.map(async (f) => ({
      ...f,
      json: await parseTerraform(f.path, f.text, { evaluate: false })
    }))
  );
}
var MAX_ASSETS = 20;
var ASSET = /\b(?:file|templatefile)\(\s*"\$\{path\.module\}\/([^"$]+)"/g;
async function readAssets(folder, files, options) {
  const base = /* @__PURE__ */ new Map();
  const head = /* @__PURE__ */ new Map();
  const paths = /* @__PURE__ */ new Set();
  for (const file of files)
    for (const match of file.text.matchAll(ASSET))
      paths.add(folder === "." ? match[1] : `${folder}/${match[1]}`);
  for (const path of [...paths].slice(0, MAX_ASSETS)) {
    if (path.split("/").includes("..")) continue;
    const contents = await options.read({ path, status: "modified" });
    if (contents?.base !== void 0) base.set(path, contents.base);
    if (contents?.head !== void 0) head.set(path, contents.head);
  }
  return { base, head };
}
async function classifyTerraformFolder(folder, changed, options, readFolder2, maxBytes, out, notJudged) {
  const fail3 = (why) => {
    for (const { file, index: index2 } of changed) notJudged(index2, file, why(file));
  };
  let base = [];
  let head = [];
  const partly = [];
  const listed3 = await readFolder2(folder);
  const override = [
    ...changed.flatMap(({ file }) => [file.path, file.previousPath ?? file.path]),
    ...(listed3?.base ?? []).map((f) => f.path),
    ...(listed3?.head ?? []).map((f) => f.path)
  ].find((path) => OVERRIDE.test(path));
  if (override !== void 0) {
    fail3(() => `${OVERRIDDEN} (${override})`);
    return;
  }
  const whole = listed3 && {
    ...listed3,
    base: listed3.base.filter((f) => TERRAFORM.test(f.path)),
    head: listed3.head.filter((f) => TERRAFORM.test(f.path))
  };
  if (whole?.skipped) {
    for (const { file } of changed)
      partly.push({
        file,
        why: `its module folder ${folder} has ${whole.skipped}: only the changed ones were read together`
      });
  }
  if (whole && !whole.skipped) {
    base = [...whole.base];
    head = [...whole.head];
    for (const { file } of changed) {
      const missing = file.status !== "removed" && !head.some((f) => f.path === file.path) || file.status !== "added" && !base.some((f) => f.path === (file.previousPath ?? file.path));
      if (missing)
        partly.push({ file, why: "not found as a regular file when its module folder was read" });
    }
  } else {
    for (const { file } of changed) {
      const read2 = judgeable(file, await options.read(file));
      if ("why" in read2) {
        fail3(
          (f) => f === file ? read2.why : `${file.path} in the same module folder could not be read (${read2.why})`
        );
        return;
      }
      const { contents } = read2;
      if (contents.base !== void 0)
        base.push({ path: file.previousPath ?? file.path, text: contents.base });
      if (contents.head !== void 0) head.push({ path: file.path, text: contents.head });
    }
  }
  const big = [...base, ...head].find((f) => f.text.length > maxBytes);
  if (big) {
    fail3(
      (f) => f.path === big.path || f.previousPath === big.path ? `over ${sizeOf(maxBytes)}, not read` : `${big.path} in the same module folder is over ${sizeOf(maxBytes)}, not read`
    );
    return;
  }
  const assets = await readAssets(folder, [...base, ...head], options);
  let resources;
  let parsed2 = [];
  try {
    const before = await moduleFiles(base);
    const after = await moduleFiles(head);
    parsed2 = [...before, ...after];
    resources = classifyTerraformModule(before, after, assets);
  } catch (error) {
    const why = `HCL does not parse: ${String(error.message ?? error).slice(0, 300)}`;
    fail3(() => why);
    return;
  }
  for (const { file, why } of partly) {
    resources.push(...unreadable(file, why, true));
    notJudged(-1, file, why);
  }
  const paths = changed.map((c) => c.file.path);
  const attached = new Map(paths.map((p) => [p, []]));
  for (const change of resources) {
    const home = change.evidence.map((e) => e.file).find((f) => f && attached.has(f));
    attached.get(home ?? paths[0])?.push(change);
  }
  for (const { file, index: index2 } of changed) {
    const own = attached.get(file.path) ?? [];
    if (file.reaches !== void 0) {
      const theirs = declaredIn(parsed2, file.reaches);
      const reaching = own.filter(
        (r) => r.system !== "terraform" || theirs.has(r.address) || r.previousAddress !== void 0 && theirs.has(r.previousAddress)
      );
      const { reaches, ...rest } = file;
      out[index2] = {
        ...rest,
        resources: reaching,
        ...reaching.length > 0 ? { reaches } : {}
      };
      continue;
    }
    out[index2] = {
      ...file,
      resources: own,
      ...changed.length > 1 || resources.length > 0 ? { folderResources: resources } : {}
    };
  }
}
function declaredIn(files, paths) {
  const wanted = new Set(paths);
  const out = /* @__PURE__ */ new Set();
  for (const file of files) {
    if (!wanted.has(file.path)) continue;
    for (const [prefix, key] of [
      ["", "resource"],
      ["data.", "data"]
    ])
      for (const [type, blocks] of Object.entries(record(file.json[key])))
        for (const name of Object.keys(record(blocks))) out.add(`${prefix}${type}.${name}`);
    for (const name of Object.keys(record(file.json.module))) out.add(`module.${name}`);
  }
  return out;
}
var MAX_READ_BYTES = 1024 * 1024;
var MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
function splitMoves(files) {
  return files.flatMap((file) => {
    const from = file.previousPath;
    if (from === void 0 || from === file.path) return [file];
    const terraform = TERRAFORM.test(from) || TERRAFORM.test(file.path);
    const leaves = folderOf2(from) !== folderOf2(file.path) || TERRAFORM.test(from) !== TERRAFORM.test(file.path);
    if (!terraform || !leaves) return [file];
    const repo = file.repo === void 0 ? {} : { repo: file.repo };
    return [
      { path: from, status: "removed", ...repo },
      { path: file.path, status: "added", ...repo }
    ];
  });
}
var TERRAFORM_JSON = /\.tf\.json$/;
async function classifyChanges(input, options) {
  const limit = options.limit ?? 50;
  const maxBytes = options.maxBytes ?? MAX_READ_BYTES;
  const maxManifestBytes = options.maxManifestBytes ?? MAX_MANIFEST_BYTES;
  const notes = [];
  const unjudged = [];
  const listings = /* @__PURE__ */ new Map();
  const readFolder2 = (folder) => {
    let listing = listings.get(folder);
    if (!listing) {
      listing = options.folder ? options.folder(folder, TERRAFORM_ANY, MAX_FOLDER_FILES) : Promise.resolve(void 0);
      listings.set(folder, listing);
    }
    return listing;
  };
  const files = await withReaches(splitMoves(input), options.paths, readFolder2, limit, unjudged);
  const out = [...files];
  const notJudged = (index2, file, why) => {
    if (index2 >= 0) out[index2] = { ...file, resources: unreadable(file, why) };
    unjudged.push({ file: file.path, reason: why });
  };
  const candidates2 = files.map((file, index2) => ({ file, index: index2 })).filter(
    ({ file }) => (TERRAFORM_ANY.test(file.path) || JSON_FILE.test(file.path) || YAML.test(file.path)) && (matchesANode(options.paths, file) || file.reaches !== void 0)
  );
  if (candidates2.length > limit) {
    notes.push(
      `${candidates2.length} changed files could be read; only the first ${limit} were compared, the others count as changed in an unknown way`
    );
    for (const { file, index: index2 } of candidates2.slice(limit))
      notJudged(index2, file, `beyond the ${limit} files compared per change`);
  }
  const manifests = [];
  const folders = /* @__PURE__ */ new Map();
  for (const candidate of candidates2.slice(0, limit)) {
    if (!TERRAFORM.test(candidate.file.path)) continue;
    const folder = folderOf2(candidate.file.path);
    folders.set(folder, [...folders.get(folder) ?? [], candidate]);
  }
  for (const [folder, changed] of folders)
    await classifyTerraformFolder(folder, changed, options, readFolder2, maxBytes, out, notJudged);
  for (const { file, index: index2 } of candidates2.slice(0, limit)) {
    if (TERRAFORM.test(file.path)) continue;
    if (OVERRIDE.test(file.path)) {
      notJudged(index2, file, OVERRIDDEN);
      continue;
    }
    if (TERRAFORM_JSON.test(file.path)) {
      notJudged(index2, file, "Terraform JSON (.tf.json) is not read");
      continue;
    }
    if (TFVARS.test(file.path) || TFVARS.test(file.previousPath ?? "")) {
      notJudged(index2, file, VARIABLES);
      continue;
    }
    const read2 = judgeable(file, await options.read(file));
    if ("why" in read2) {
      notJudged(index2, file, read2.why);
      continue;
    }
    const { contents } = read2;
    const size = Math.max(contents.base?.length ?? 0, contents.head?.length ?? 0);
    const max = YAML.test(file.path) ? maxManifestBytes : maxBytes;
    if (size > max) {
      notJudged(index2, file, `over ${sizeOf(max)}, not read`);
      continue;
    }
    if (JSON_FILE.test(file.path)) {
      const broken = sideFailure(contents, jsonParseFailure);
      if (broken) {
        notJudged(index2, file, broken);
        continue;
      }
      const resources = classifyPolicyFile(file.path, contents.base, contents.head);
      if (resources) out[index2] = { ...file, resources };
    } else {
      manifests.push({ index: index2, file, manifest: { path: file.path, ...contents } });
    }
  }
  if (manifests.length > 0) {
    const room = limit - candidates2.length;
    const unmatched = files.filter(
      (f) => YAML.test(f.path) && f.status !== "removed" && !matchesANode(options.paths, f)
    );
    for (const file of room > 0 ? unmatched.slice(0, room) : []) {
      const contents = await options.read(file);
      const size = Math.max(contents?.base?.length ?? 0, contents?.head?.length ?? 0);
      if (contents && contents.unreadable === void 0 && size <= maxManifestBytes)
        manifests.push({ index: -1, file, manifest: { path: file.path, ...contents } });
    }
    const folders2 = /* @__PURE__ */ new Map();
    for (const m of manifests) {
      const folder = folderOf2(m.file.path);
      if (m.index >= 0 && m.manifest.base !== void 0 && !folders2.has(folder))
        folders2.set(folder, m.file);
    }
    const context = options.context ? (await Promise.all([...folders2.values()].map((f) => options.context?.(f) ?? []))).flat() : [];
    const rbac = classifyManifestFiles(
      manifests.map((m) => m.manifest),
      context
    );
    for (const { index: index2, file, manifest } of manifests) {
      if (index2 < 0) continue;
      const resources = rbac.get(file.path);
      if (resources) {
        out[index2] = { ...file, resources };
        continue;
      }
      const broken = sideFailure(manifest, yamlParseFailure);
      if (broken) notJudged(index2, file, broken);
    }
  }
  return { files: out, notes, unjudged };
}
var MAX_NEIGHBOUR_FOLDERS = 10;
async function withReaches(files, paths, readFolder2, limit, unjudged) {
  const loose = /* @__PURE__ */ new Map();
  for (const [index2, file] of files.entries()) {
    if (!TERRAFORM_ANY.test(file.path) || matchesANode(paths, file)) continue;
    const folder = folderOf2(file.path);
    if (!paths.mayMatchIn(folder)) continue;
    loose.set(folder, [...loose.get(folder) ?? [], index2]);
  }
  const out = [...files];
  const room = Math.min(limit, MAX_NEIGHBOUR_FOLDERS);
  for (const [folder, indexes] of [...loose].slice(room))
    for (const index2 of indexes)
      unjudged.push({
        file: files[index2].path,
        reason: `a Terraform file beside files nodes match, in one of ${loose.size} such folders: only ${room} are read (${folder} was not)`
      });
  for (const [folder, indexes] of [...loose].slice(0, room)) {
    const listed3 = await readFolder2(folder);
    if (!listed3) continue;
    for (const index2 of indexes) {
      const file = files[index2];
      const neighbours2 = [...new Set([...listed3.base, ...listed3.head].map((f) => f.path))].filter(
        (path) => path !== file.path && paths.match(path, file.repo).length > 0
      );
      if (neighbours2.length > 0) out[index2] = { ...file, reaches: neighbours2.sort() };
    }
  }
  return out;
}
function sideFailure(contents, failure) {
  const head = contents.head === void 0 ? void 0 : failure(contents.head);
  if (head) return contents.base === void 0 ? head : `${head} at head`;
  const base = contents.base === void 0 ? void 0 : failure(contents.base);
  if (base) return contents.head === void 0 ? base : `${base} at base`;
  return void 0;
}

// src/app/analyze-pull-request.ts
var API_FILE_LIMIT = 3e3;
async function analyzePullRequest(port, query) {
  const pull = await port.getPullRequest(query.repo, query.number);
  const depsRepo = query.deps.repo ?? query.repo;
  const depsRef = query.deps.ref ?? (query.deps.repo ? void 0 : pull.baseSha);
  let graphSource = `${depsRepo}${depsRef ? `@${depsRef.slice(0, 12)}` : ""}`;
  const [files, atBase] = await Promise.all([
    port.listPullRequestFiles(query.repo, query.number),
    loadRemoteDeps(query.deps.path, fetchFrom(port, depsRepo, depsRef), graphSource)
  ]);
  let result = atBase;
  const notes = [];
  const entryMissing = atBase.errors.some(
    (e) => e.code === "file-not-found" && e.file === query.deps.path
  );
  const adds = files.some((f) => f.path === query.deps.path && f.status === "added");
  const preview = entryMissing && !query.deps.repo && adds;
  if (preview) {
    graphSource = `${query.repo}@${pull.headSha.slice(0, 12)}`;
    result = await loadRemoteDeps(
      query.deps.path,
      fetchFrom(port, query.repo, pull.headSha),
      graphSource,
      PREVIEW_LIMITS
    );
    notes.push(
      `${query.deps.path} does not exist at the base commit: this pull request adds it, so its own version is shown as a preview (no mentions, no review requests). Once merged, pull requests are checked against the base's.`
    );
  }
  let loaded;
  try {
    loaded = modelFromLoad(result);
  } catch (error) {
    if (preview && error instanceof InvalidDepsError)
      throw new InvalidDepsError(error.errors, error.warnings, true);
    throw error;
  }
  let coverage = {
    seen: files.length,
    total: Math.max(pull.changedFiles, files.length),
    source: "api"
  };
  let changes = files;
  if (coverage.total > files.length || files.length >= API_FILE_LIMIT) {
    const local = query.localDiff?.(pull.baseSha, pull.headSha);
    if (local) {
      changes = local;
      coverage = {
        seen: local.length,
        total: Math.max(local.length, pull.changedFiles),
        source: "git"
      };
    }
  }
  const repo = query.repo.toLowerCase();
  const { paths } = loaded.model;
  const classified = await classifyChanges(
    changes.map((f) => ({ ...f, repo })),
    {
      read: (file) => readBothSides(port, query.repo, pull, file),
      ...port.listFolder ? { folder: readFolder(port, query.repo, pull) } : {},
      paths,
      limit: query.classifyLimit ?? 20
    }
  );
  const unjudged = [...classified.unjudged];
  if (coverage.seen < coverage.total)
    unjudged.push({
      reason: `GitHub lists at most ${API_FILE_LIMIT.toLocaleString("en-US")} files of a pull request: ${(coverage.total - coverage.seen).toLocaleString("en-US")} of its ${coverage.total.toLocaleString("en-US")} files were not seen (check out the repository with fetch-depth: 0 before this step so git reads them all)`
    });
  const impact = analyze(loaded.model, classified.files, {
    maxDepth: query.maxDepth,
    ...query.plan ? { plan: query.plan } : {},
    unjudged
  });
  const graphChange = query.deps.repo ? void 0 : await changeToGraph(port, query, pull, changes, loaded);
  return {
    pull,
    impact,
    files: coverage,
    graphChange: result === atBase ? graphChange : void 0,
    loaded,
    graphSource,
    notes: [...notes, ...classified.notes],
    preview
  };
}
async function readBothSides(port, repo, pull, file) {
  let base;
  let head;
  try {
    [base, head] = await Promise.all([
      file.status === "added" ? void 0 : port.readFile(repo, file.previousPath ?? file.path, pull.baseSha, {
        maxBytes: MAX_MANIFEST_BYTES
      }),
      file.status === "removed" ? void 0 : port.readFile(repo, file.path, pull.headSha, { maxBytes: MAX_MANIFEST_BYTES })
    ]);
  } catch (error) {
    const why = unreadable2(error);
    if (why) return { unreadable: why };
    throw error;
  }
  if (file.status !== "added" && base === void 0 || file.status !== "removed" && head === void 0)
    return void 0;
  return { ...base === void 0 ? {} : { base }, ...head === void 0 ? {} : { head } };
}
function unreadable2(error) {
  if (error instanceof NotAFileError)
    return `${error.path} is a ${error.kind === "directory" ? "folder" : error.kind}, not a file`;
  if (error instanceof FileTooLargeError)
    return `${error.path} is over ${Math.round(error.maxBytes / 1024)} KiB: not read`;
  return void 0;
}
var PREVIEW_LIMITS = { maxFiles: 50, maxBytes: 16 * 1024 * 1024 };
var FOLDER_READ_BUDGET = 200;
function readFolder(port, repo, pull) {
  let spent = 0;
  return async (folder, matches2, limit) => {
    const side = async (ref) => {
      const listed3 = await port.listFolder?.(repo, folder, ref);
      spent++;
      if (listed3 === void 0) return "unlisted";
      const names2 = listed3.filter((n) => matches2.test(n));
      if (names2.length > limit) return `more than ${limit} .tf files`;
      if (spent + names2.length > FOLDER_READ_BUDGET)
        return `the ${FOLDER_READ_BUDGET} reads for whole folders are spent`;
      spent += names2.length;
      const path = (name) => folder === "." ? name : `${folder}/${name}`;
      let texts;
      try {
        texts = await Promise.all(
          names2.map((n) => port.readFile(repo, path(n), ref, { maxBytes: MAX_READ_BYTES }))
        );
      } catch (error) {
        const why = unreadable2(error);
        if (why) return why;
        throw error;
      }
      const missing = names2.find((_, i) => texts[i] === void 0);
      if (missing !== void 0) return `${path(missing)} could not be read`;
      return names2.map((n, i) => ({ path: path(n), text: texts[i] }));
    };
    const [base, head] = await Promise.all([side(pull.baseSha), side(pull.headSha)]);
    if (base === "unlisted" || head === "unlisted") return void 0;
    if (typeof base === "string" || typeof head === "string")
      return { skipped: typeof base === "string" ? base : head, base: [], head: [] };
    return { base, head };
  };
}
async function changeToGraph(port, query, pull, changes, loaded) {
  const graphFiles = new Set(loaded.model.config.files);
  const touched = changes.some(
    (f) => graphFiles.has(f.path) || f.previousPath !== void 0 && graphFiles.has(f.previousPath)
  );
  if (!touched) return void 0;
  const file = query.deps.path;
  const headSource = `${query.repo}@${pull.headSha.slice(0, 12)}`;
  const head = await loadRemoteDeps(
    file,
    fetchFrom(port, query.repo, pull.headSha),
    headSource,
    PREVIEW_LIMITS
  );
  if (!head.config) {
    const errors = locateDiagnostics(head.errors, head.sources).map(formatDiagnostic);
    return { kind: "broken", file, errors };
  }
  return { kind: "diff", file, diff: diffGraphs(loaded.model.config, head.config) };
}

// src/app/review-pull-request.ts
var LABEL_PREFIX = "blast-radius:";
var RISK_LABELS = [...RISKS, "unknown"].map(
  (r) => `${LABEL_PREFIX}${r}`
);
var MAX_GRAPH_SECTION = 2e4;
async function reviewPullRequest(port, options) {
  const analysis = await analyzePullRequest(port, options);
  const { pull, impact, files } = analysis;
  const notes = analysis.notes.map((text4) => ({ level: "warning", text: text4 }));
  const problems = [];
  const attempt2 = async (step, write) => {
    try {
      await write();
    } catch (error) {
      if (!(error instanceof GitHubApiError)) throw error;
      problems.push({ step, error });
    }
  };
  const commenting = options.post && options.comment !== "off";
  const found = commenting ? await findStickyComment(
    port,
    options.repo,
    options.number,
    options.deps.key,
    options.commentAuthor
  ) : { own: [], foreign: 0 };
  const previous = found.own[0] ? readCommentMeta(found.own[0].body) : void 0;
  const superseded = options.post ? await supersededBy(port, options, pull, previous) : void 0;
  const labelled = pull.labels.includes(options.acknowledgeLabel);
  const binding = !labelled ? void 0 : previous ? previous.acknowledged ?? acknowledgementFromMeta(previous) : commenting ? "unseen" : void 0;
  const gate = evaluateGate(impact, {
    failOn: options.failOn,
    labels: pull.labels,
    acknowledgeLabel: options.acknowledgeLabel,
    onIncomplete: options.onIncomplete ?? "fail",
    ...binding ? { acknowledged: binding } : {}
  });
  let acknowledgementRemoved = false;
  if (gate.verdict === "stale" && options.post && options.labels && !superseded) {
    await attempt2("labels", async () => {
      await port.removeLabel(options.repo, options.number, options.acknowledgeLabel);
      acknowledgementRemoved = true;
    });
  }
  const recorded = !labelled || acknowledgementRemoved || binding === "unseen" ? void 0 : binding ?? acknowledgementOf(impact, pull.headSha);
  const notices = coverageNotices(files, notes);
  if (analysis.preview)
    notices.push(
      `> [!NOTE]
> Preview: the graph comes from this pull request, which adds it, so nobody is mentioned or asked to review. Once it is merged, pull requests are checked against the base branch's graph.`
    );
  if (gate.verdict === "stale") {
    const given = typeof binding === "object" ? `was given for the analysis of ${binding.headSha.slice(0, 7)} at ${binding.risk} risk. This analysis goes beyond it: ${(gate.beyond ?? []).join("; ")}.` : "was there before any analysis was shown, so it acknowledges nothing yet.";
    notices.push(
      `> [!WARNING]
> The acknowledgement (label \`${options.acknowledgeLabel}\`) ${given} It needs a new acknowledgement: ${acknowledgementRemoved ? "the label was removed; add it again once this is reviewed." : "remove the label and add it again once this is reviewed."}`
    );
  }
  const sections = [];
  const change = analysis.graphChange;
  if (change?.kind === "diff")
    sections.push(capSection(renderGraphDiff(change.file, change.diff), change.file));
  if (change?.kind === "broken")
    sections.push(capSection(renderBrokenGraph(change.file, change.errors), change.file));
  const meta = metaOf(
    impact,
    {
      deps: options.deps.key,
      repo: options.repo,
      pullRequest: options.number,
      headSha: pull.headSha,
      baseSha: pull.baseSha,
      validAt: pull.updatedAt,
      files: { seen: files.seen, total: files.total },
      ...recorded ? { acknowledged: recorded } : {},
      ...options.run ? { run: options.run } : {}
    },
    previous
  );
  if (meta.peakRisk !== "none" && impact.impacted.length === 0) {
    notices.push(
      `> [!NOTE]
> Earlier commits of this pull request had downstream impact (up to ${meta.peakRisk} risk); as of ${pull.headSha.slice(0, 7)} there is no longer any downstream impact.`
    );
  }
  const mentionOwners = options.mentionOwners && !analysis.preview;
  const body = renderComment(impact, { meta, mentionOwners, notices, sections });
  const result = {
    analysis,
    body,
    gate,
    problems,
    notes,
    acknowledgementRemoved,
    failOn: options.failOn
  };
  if (superseded) {
    notes.push({ level: "info", text: superseded });
    return {
      ...result,
      superseded,
      labelsAdded: [],
      labelsRemoved: [],
      reviewersRequested: []
    };
  }
  let comment;
  if (commenting) {
    const mode = options.comment;
    await attempt2("comment", async () => {
      comment = await upsertStickyComment(
        port,
        {
          repo: options.repo,
          issue: options.number,
          deps: options.deps.key,
          body,
          validAt: pull.updatedAt,
          mode,
          postWhenEmpty: options.postWhenEmpty,
          hasImpact: impact.impacted.length > 0,
          author: options.commentAuthor
        },
        found
      );
    });
    if (found.foreign > 0)
      notes.push({
        level: "info",
        text: `left alone ${plural(found.foreign, "comment")} by others that quote the blastradius marker`
      });
  }
  const labels = { added: [], removed: [] };
  if (options.post && options.labels) {
    const shown = impact.unjudged.length > 0 && impact.risk !== "high" ? "unknown" : impact.risk;
    await attempt2("labels", () => syncRiskLabel(port, options, pull, shown, labels));
  }
  if (acknowledgementRemoved) labels.removed.push(options.acknowledgeLabel);
  const reviewersRequested = [];
  const reviewers = reviewersFor(impact, pull.author);
  if (options.post && options.requestReviewers && !analysis.preview && reviewers.users.length + reviewers.teams.length > 0) {
    await attempt2("reviewers", async () => {
      await port.requestReviewers(options.repo, options.number, reviewers);
      reviewersRequested.push(
        ...reviewers.users.map((u) => `@${u}`),
        ...reviewers.teams.map((t) => `team ${t}`)
      );
    });
  }
  return {
    ...result,
    comment,
    labelsAdded: labels.added,
    labelsRemoved: labels.removed,
    reviewersRequested
  };
}
function acknowledgementFromMeta(meta) {
  return {
    headSha: meta.headSha,
    risk: meta.risk,
    breaking: (meta.impacted ?? []).filter((n) => n.severity === "breaking").map((n) => n.id),
    unjudged: meta.unjudged ?? 0
  };
}
async function supersededBy(port, options, pull, previous) {
  const mine = `this run (for ${pull.headSha.slice(0, 7)}, read at ${pull.updatedAt})`;
  if (previous && previous.validAt > pull.updatedAt)
    return `superseded: a newer run${previous.run ? ` (${previous.run})` : ""} already wrote the comment for ${previous.headSha.slice(0, 7)}, read at ${previous.validAt}; ${mine} wrote nothing.`;
  const now = await port.getPullRequest(options.repo, options.number);
  if (now.headSha !== pull.headSha)
    return `superseded: the pull request's head moved to ${now.headSha.slice(0, 7)} while ${mine} worked; the run for ${now.headSha.slice(0, 7)} holds, and this one wrote nothing.`;
  return void 0;
}
function capSection(section, file) {
  if (section.length <= MAX_GRAPH_SECTION) return section;
  let cut = section.slice(0, MAX_GRAPH_SECTION);
  cut = cut.slice(0, Math.max(cut.lastIndexOf("\n"), 0));
  const fences = (cut.match(/^```/gm) ?? []).length;
  if (fences % 2 === 1) cut += "\n```";
  const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  for (let i = 0; i < open; i++) cut += "\n</details>";
  return `${cut}

*\u2026the change to ${text2(file)} is longer than this comment can show (${(section.length - cut.length).toLocaleString("en-US")} more characters): \`blastradius validate\` and \`git diff\` show it whole.*`;
}
function coverageNotices(files, notes) {
  const count2 = (n) => n.toLocaleString("en-US");
  if (files.seen < files.total) {
    notes.push({
      level: "warning",
      text: `GitHub lists at most 3,000 files of a pull request: the analysis saw only ${count2(files.seen)} of its ${count2(files.total)} files, so nodes matched only by the others are missing here. Check out the repository with \`fetch-depth: 0\` before this step so the full diff is read from git, or run \`blastradius check --git\` locally.`
    });
    return [];
  }
  if (files.source === "git") {
    return [
      `> [!NOTE]
> GitHub lists at most 3,000 files of a pull request; all ${count2(files.seen)} files were read from the local checkout's git history instead.`
    ];
  }
  return [];
}
async function syncRiskLabel(port, options, pull, risk, done) {
  const wanted = `${LABEL_PREFIX}${risk}`;
  for (const label of pull.labels) {
    if (RISK_LABELS.includes(label) && label !== wanted) {
      await port.removeLabel(options.repo, options.number, label);
      done.removed.push(label);
    }
  }
  if (!pull.labels.includes(wanted)) {
    await port.addLabels(options.repo, options.number, [wanted]);
    done.added.push(wanted);
  }
}
function reviewersFor(impact, author) {
  const handles = new Set(impact.owners.flatMap((o) => githubHandle(o)?.slice(1) ?? []));
  const users = [...handles].filter(
    (h) => !h.includes("/") && h.toLowerCase() !== author.toLowerCase()
  );
  const teams = [...handles].filter((h) => h.includes("/")).map((h) => h.split("/")[1]);
  return { users, teams };
}

// src/core/explore/since.ts
var UNIT_SECONDS = { m: 60, h: 3600, d: 86400, w: 604800 };
function parseSince(value, now, flag2 = "--since") {
  const relative2 = /^(\d+)\s*([mhdw])$/.exec(value.trim());
  if (relative2) return now - Number(relative2[1]) * UNIT_SECONDS[relative2[2]];
  const date2 = Date.parse(value);
  if (!Number.isNaN(date2) && /^\d{4}-\d{2}-\d{2}/.test(value)) return Math.floor(date2 / 1e3);
  throw new InputError(
    `${flag2} takes a duration such as 24h, 7d or 2w, or a date such as 2026-11-01; got "${value}"`
  );
}

// src/core/render/describe-path.ts
function pathNodes(path) {
  return [path.changed, ...path.steps.map((step) => step.to)];
}

// src/core/render/impact-json.ts
var IMPACT_JSON_VERSION = 1;
function pathJson(path) {
  return {
    path: pathNodes(path),
    via: path.steps.map((s) => s.via),
    changeClass: path.changeClass
  };
}
function impactedJson(node3, changed) {
  const breakingPath = node3.breakingPath;
  return {
    id: node3.id,
    alsoChanged: changed.has(node3.id),
    kind: node3.kind,
    owner: node3.owner ?? null,
    tier: node3.tier ?? null,
    depth: node3.depth,
    severity: node3.severity,
    discovered: node3.path.steps.some((step) => step.discovered === true),
    ...pathJson(node3.path),
    breakingPath: breakingPath ? pathJson(breakingPath) : null
  };
}
var changedIds = (impact) => new Set(impact.changed.map((c) => c.id));
function impactToJson(impact, options = {}) {
  const changed = changedIds(impact);
  return {
    version: IMPACT_JSON_VERSION,
    risk: impact.risk,
    summary: summarize(impact),
    changed: impact.changed.map((node3) => ({
      id: node3.id,
      kind: node3.kind,
      owner: node3.owner ?? null,
      tier: node3.tier ?? null,
      classes: node3.classes,
      causes: node3.causes.map((c) => ({
        kind: c.kind,
        file: c.file,
        status: c.status ?? null,
        address: c.address ?? null,
        classes: c.classes,
        rule: c.rule,
        evidence: c.evidence.map(evidenceJson)
      }))
    })),
    impacted: options.impacted === false ? [] : impact.impacted.map((node3) => impactedJson(node3, changed)),
    owners: impact.owners.map((o) => ({
      id: o.id ?? null,
      github: o.github ?? null,
      chat: o.chat ?? null,
      breaking: o.breaking,
      atRisk: o.atRisk
    })),
    unmatchedFiles: impact.unmatchedFiles,
    quietFiles: impact.quietFiles,
    unmatchedResources: impact.unmatchedResources,
    contracts: impact.contracts.map((c) => ({
      dependent: c.dependent,
      upstream: c.upstream,
      expectation: c.expectation,
      status: c.status,
      reason: c.reason,
      evidence: c.evidence ? evidenceJson(c.evidence) : null
    })),
    truncated: impact.truncated,
    unjudged: impact.unjudged.map((u) => ({ file: u.file ?? null, reason: u.reason }))
  };
}
function evidenceJson(e) {
  return {
    address: e.address ?? null,
    attribute: e.attribute ?? null,
    file: e.file ?? null,
    line: e.line ?? null,
    detail: e.detail
  };
}
function renderJson(impact) {
  return [...renderJsonChunks(impact)].join("");
}
function* renderJsonChunks(impact) {
  const { impacted: _none, ...rest } = impactToJson(impact, { impacted: false });
  const head = inertJsonText(JSON.stringify(rest, null, 2));
  const [before, after] = splitAfterKey(head, "changed");
  yield before;
  yield ',\n  "impacted": [';
  const changed = changedIds(impact);
  let first = true;
  for (const node3 of impact.impacted) {
    yield `${first ? "" : ","}
    ${inertJsonText(JSON.stringify(impactedJson(node3, changed)))}`;
    first = false;
  }
  yield first ? "]" : "\n  ]";
  yield after;
  yield "\n";
}
function splitAfterKey(text4, key) {
  const start = text4.indexOf(`
  "${key}": `);
  const next = text4.indexOf('\n  "', start + 1);
  const cut = next < 0 ? text4.lastIndexOf("\n}") : next - 1;
  return [text4.slice(0, cut), text4.slice(cut)];
}
var str3 = { type: "string" };
var strings3 = { type: "array", items: str3 };
var nullable = (schema) => ({ anyOf: [schema, { type: "null" }] });
var tier = nullable({ type: "integer", minimum: 0, maximum: 3 });
var pathProperties = {
  path: { ...strings3, description: "Node ids from the changed node to this one." },
  via: { ...strings3, description: "Edge types along the path; one fewer than path." },
  changeClass: { ...str3, description: "The class of change the path starts from." }
};
var evidenceSchema = {
  type: "object",
  additionalProperties: false,
  required: ["address", "attribute", "file", "line", "detail"],
  properties: {
    address: nullable(str3),
    attribute: nullable(str3),
    file: nullable(str3),
    line: nullable({ type: "integer", minimum: 1 }),
    detail: str3
  }
};
var impactJsonSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/blastradius/blastradius/schema/impact.schema.json",
  title: "blastradius check --format json",
  type: "object",
  additionalProperties: false,
  required: [
    "version",
    "risk",
    "summary",
    "changed",
    "impacted",
    "owners",
    "unmatchedFiles",
    "quietFiles",
    "unmatchedResources",
    "contracts",
    "truncated",
    "unjudged"
  ],
  properties: {
    version: { const: IMPACT_JSON_VERSION },
    risk: { enum: ["none", "low", "medium", "high"] },
    summary: {
      type: "object",
      additionalProperties: false,
      required: ["changed", "impacted", "breaking", "atRisk", "owners"],
      properties: Object.fromEntries(
        ["changed", "impacted", "breaking", "atRisk", "owners"].map((k) => [
          k,
          { type: "integer", minimum: 0 }
        ])
      )
    },
    changed: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "kind", "owner", "tier", "classes", "causes"],
        properties: {
          id: str3,
          kind: str3,
          owner: nullable(str3),
          tier,
          classes: strings3,
          causes: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["kind", "file", "status", "address", "classes", "rule", "evidence"],
              properties: {
                kind: { enum: ["file", "plan"] },
                file: { ...str3, description: "The changed file, or the plan file." },
                status: nullable({ enum: ["added", "modified", "removed", "renamed"] }),
                address: nullable({ ...str3, description: "The resource, for plans." }),
                classes: strings3,
                rule: str3,
                evidence: { type: "array", items: evidenceSchema }
              }
            }
          }
        }
      }
    },
    impacted: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: [
          "id",
          "alsoChanged",
          "kind",
          "owner",
          "tier",
          "depth",
          "severity",
          "discovered",
          "path",
          "via",
          "changeClass",
          "breakingPath"
        ],
        properties: {
          id: str3,
          alsoChanged: {
            type: "boolean",
            description: "The node is changed itself, and another changed node reaches it as well."
          },
          kind: str3,
          owner: nullable(str3),
          tier,
          depth: { type: "integer", minimum: 1 },
          severity: { enum: ["breaking", "at-risk"] },
          discovered: {
            type: "boolean",
            description: "The path uses an edge found in Terraform configuration, not declared."
          },
          ...pathProperties,
          breakingPath: nullable({
            type: "object",
            additionalProperties: false,
            required: ["path", "via", "changeClass"],
            properties: pathProperties,
            description: "The shortest path that breaks all the way, when it is not `path`."
          })
        }
      }
    },
    owners: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "github", "chat", "breaking", "atRisk"],
        properties: {
          id: nullable(str3),
          github: nullable(str3),
          chat: nullable(str3),
          breaking: strings3,
          atRisk: strings3
        }
      }
    },
    unmatchedFiles: strings3,
    quietFiles: {
      type: "array",
      description: "Files that matched nodes in which nothing of those nodes changed.",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["file", "nodes", "reason"],
        properties: { file: str3, nodes: strings3, reason: str3 }
      }
    },
    unmatchedResources: { ...strings3, description: "Changed plan resources that match no node." },
    contracts: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["dependent", "upstream", "expectation", "status", "reason", "evidence"],
        properties: {
          dependent: str3,
          upstream: str3,
          expectation: str3,
          status: { enum: ["kept", "broken", "unchecked"] },
          reason: str3,
          evidence: nullable(evidenceSchema)
        }
      }
    },
    truncated: nullable({
      type: "object",
      additionalProperties: false,
      required: ["reason", "limit", "frontier"],
      properties: { reason: { const: "max-depth" }, limit: { type: "integer" }, frontier: strings3 }
    }),
    unjudged: {
      type: "array",
      description: "What the analysis could not judge; non-empty means it is incomplete.",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["file", "reason"],
        properties: { file: nullable(str3), reason: str3 }
      }
    }
  }
};

// src/core/render/time.ts
function utcMinute(seconds) {
  return new Date(seconds * 1e3).toISOString().slice(0, 16).replace("T", " ");
}

// src/core/report/render-report.ts
var date = (seconds) => new Date(seconds * 1e3).toISOString().slice(0, 10);
var ICON = { none: "\u{1F7E2}", low: "\u{1F535}", medium: "\u{1F7E0}", high: "\u{1F534}" };
function trend(report2) {
  if (!report2.previous) return "";
  const delta = report2.headline.withImpact - report2.previous.withImpact;
  return ` (previous window: ${report2.previous.withImpact} of ${report2.previous.changes}, ${delta === 0 ? "the same" : delta > 0 ? `${delta} more` : `${-delta} fewer`})`;
}
function changeLine(c) {
  const ref = link2(code(c.id.slice(0, 10)), c.url);
  const breaking = c.impact.impacted.filter((n) => n.severity === "breaking").length;
  const owners = [...new Set(c.impact.impacted.flatMap((n) => n.owner ? [n.owner] : []))];
  const changed = c.impact.changed.slice(0, 4).map(code).join(", ") || "no node";
  const more = c.impact.changed.length > 4 ? ` and ${c.impact.changed.length - 4} more` : "";
  return `${ICON[c.impact.risk]} ${ref} ${text2(c.title)} \u2014 ${text2(c.author)}, ${utcMinute(c.time)}: ${changed}${more} changed, ${plural(c.impact.impacted.length, "node")} impacted (${breaking} breaking)${owners.length ? `, owners ${owners.slice(0, 6).map(code).join(", ")}${owners.length > 6 ? ` and ${owners.length - 6} more` : ""}` : ""}${c.recomputed ? "" : ", as analysed at merge"}`;
}
function renderReportMarkdown(report2, limit = GITHUB_COMMENT_LIMIT, fullReport) {
  const h = report2.headline;
  const out = [
    `## Blast-radius report: ${date(report2.since)} to ${date(report2.until)}`,
    "",
    `**${h.withImpact} of ${plural(h.changes, "change")} had downstream impact**${trend(report2)}: ${h.byRisk.high} high, ${h.byRisk.medium} medium, ${h.byRisk.low} low risk. Source: ${text2(report2.source)}.`,
    ""
  ];
  if (report2.riskiest.length > 0) {
    out.push("### Riskiest changes", "", ...report2.riskiest.map((c) => `- ${changeLine(c)}`), "");
  }
  if (report2.hotspots.length > 0) {
    out.push(
      "### Most impacted nodes",
      "",
      "```mermaid",
      "pie showData title Times impacted this window"
    );
    for (const h2 of report2.hotspots) out.push(`  ${mermaidLabel(h2.node)} : ${h2.times}`);
    out.push("```", "");
  }
  if (report2.owners.length > 0) {
    out.push("### Per owner", "");
    for (const o of report2.owners) {
      out.push(
        `<details><summary>${text2(o.owner)}${o.github ? ` (${code(o.github)})` : ""}: ${plural(o.changes.length, "upstream change")}</summary>`,
        ""
      );
      for (const c of o.changes) {
        const ref = link2(code(c.id.slice(0, 10)), c.url);
        const parts = [
          c.breaking.length ? `breaks ${c.breaking.map(code).join(", ")}` : "",
          c.atRisk.length ? `puts at risk ${c.atRisk.map(code).join(", ")}` : ""
        ].filter(Boolean);
        out.push(`- ${ref} ${text2(c.title)}: ${parts.join("; ")}`);
      }
      out.push("", "</details>", "");
    }
  }
  const health = report2.health;
  out.push("### Graph health", "");
  out.push(
    `- Nodes without an owner: ${health.noOwner.length ? health.noOwner.slice(0, 20).map(code).join(", ") : "none"}`
  );
  out.push(
    `- Largest downstream reach (single points of failure): ${health.reach.slice(0, 5).map((r) => `${code(r.node)} (${r.downstream})`).join(", ") || "none"}`
  );
  out.push(
    `- Cycles: ${health.cycles.length ? health.cycles.slice(0, 5).map((c) => c.map(code).join(" \u2192 ")).join("; ") : "none"}`
  );
  out.push(
    `- Match rules that matched no changed file this window (possibly stale): ${health.unmatchedRules.length}`
  );
  if (report2.requests !== void 0) out.push(`- GitHub API requests: ${report2.requests}`);
  out.push("");
  let body = out.join("\n");
  if (body.length >= limit) {
    const note = `

_The report was cut to fit GitHub's limit${fullReport ? `; the whole report is in ${text2(fullReport)}` : ""}._
`;
    body = body.slice(0, limit - note.length - 1);
    body = `${body.slice(0, body.lastIndexOf("\n"))}${note}`;
  }
  return body;
}
function reportToJson(report2) {
  return {
    ...report2,
    since: new Date(report2.since * 1e3).toISOString(),
    until: new Date(report2.until * 1e3).toISOString()
  };
}

// src/action/inputs.ts
function choice(runner, name, allowed, fallback) {
  const value = runner.input(name) || fallback;
  if (allowed.includes(value)) return value;
  throw new InputError(`input ${name} must be one of ${allowed.join(", ")}; got "${value}"`);
}
function flag(runner, name, fallback) {
  const value = runner.input(name);
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new InputError(`input ${name} must be true or false; got "${value}"`);
}
function readInputs(runner) {
  const token = runner.input("token");
  if (token === "") {
    throw new InputError(
      "input token is empty",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, shown to the user
      "leave it unset to use the workflow's GITHUB_TOKEN, or pass a secret: token: ${{ secrets.MY_TOKEN }}"
    );
  }
  const maxDepth = runner.input("max-depth");
  if (maxDepth !== "" && !/^\d+$/.test(maxDepth)) {
    throw new InputError(`input max-depth takes a whole number; got "${maxDepth}"`);
  }
  const plan = runner.input("plan");
  const commentAuthor = runner.input("comment-author");
  return {
    token,
    deps: parseDepsLocation(runner.input("deps") || "deps.yaml"),
    ...plan ? { plan } : {},
    failOn: choice(runner, "fail-on", RISKS, "none"),
    comment: choice(runner, "comment", ["update", "recreate", "off"], "update"),
    postWhenEmpty: choice(runner, "comment-when", ["always", "impact"], "always") === "always",
    mentionOwners: flag(runner, "mention-owners", true),
    labels: flag(runner, "labels", true),
    requestReviewers: flag(runner, "request-reviewers", false),
    acknowledgeLabel: runner.input("acknowledge-label") || "blast-radius:acknowledged",
    onIncomplete: choice(runner, "on-incomplete", ["fail", "warn"], "fail"),
    ...commentAuthor ? { commentAuthor } : {},
    ...maxDepth ? { maxDepth: Number(maxDepth) } : {}
  };
}

// src/action/runner.ts
var import_node_crypto = require("node:crypto");
var import_node_fs2 = require("node:fs");
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function inertLogLine(line) {
  return terminalText(line).replace(
    new RegExp("\\p{Default_Ignorable_Code_Point}", "gu"),
    (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`
  ).replace(/^(\s*):/, "$1\\:").replace(/##\[/g, "##\\[");
}
function inertLog(message) {
  return message.split(/\r\n|\r|\n/).map(inertLogLine).join("\n");
}
function inertAnnotationPart(part) {
  return terminalText(part).replace(
    new RegExp("\\p{Default_Ignorable_Code_Point}", "gu"),
    (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`
  ).replace(/##\[/g, "##\\[");
}
function annotationData(message) {
  const parts = message.split(/(\r\n|\r|\n)/);
  return escapeData(
    parts.map((part, i) => i % 2 === 0 ? inertAnnotationPart(part) : part).join("")
  );
}
function createRunner(env, write) {
  const command = (name, message) => write(`::${name}::${annotationData(message)}
`);
  const appendTo = (variable, text4) => {
    const file = env[variable];
    if (!file) return false;
    (0, import_node_fs2.appendFileSync)(file, text4, "utf8");
    return true;
  };
  return {
    // Spaces become underscores and the name is upper-cased; hyphens stay.
    input: (name) => (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim(),
    setOutput(name, value) {
      const delimiter = `ghadelimiter_${(0, import_node_crypto.randomUUID)()}`;
      if (!appendTo("GITHUB_OUTPUT", `${name}<<${delimiter}
${value}
${delimiter}
`)) {
        write(`${inertLog(`output ${name}=${value}`)}
`);
      }
    },
    appendSummary(markdown) {
      appendTo("GITHUB_STEP_SUMMARY", `${markdown}
`);
    },
    info: (message) => write(`${inertLog(message)}
`),
    notice: (message) => command("notice", message),
    warning: (message) => command("warning", message),
    error: (message) => command("error", message)
  };
}

// src/action/run-action.ts
var PR_EVENTS = ["pull_request", "pull_request_target"];
var PERMISSIONS_BLOCK = [
  "permissions:",
  "  contents: read",
  "  pull-requests: write",
  "  issues: write"
].join("\n");
async function runAction(context) {
  const runner = createRunner(context.env, context.write);
  try {
    return await run(context, runner);
  } catch (error) {
    return fail2(runner, error);
  }
}
async function run(context, runner) {
  const { env } = context;
  const event = env.GITHUB_EVENT_NAME ?? "";
  const mode = runner.input("mode") || "review";
  if (mode === "report") return runReport(context, runner);
  if (mode !== "review") throw new InputError(`input mode must be review or report; got "${mode}"`);
  if (!PR_EVENTS.includes(event)) {
    runner.notice(
      `blastradius checks pull requests: it runs on pull_request and pull_request_target events. This run is for "${event || "an unknown event"}", so there is nothing to check.`
    );
    return 0;
  }
  if (!env.GITHUB_EVENT_PATH)
    throw new InputError(
      "GITHUB_EVENT_PATH is not set: is this running on a GitHub Actions runner?"
    );
  const payload = readEvent(context, env.GITHUB_EVENT_PATH);
  const number = payload.pull_request?.number ?? payload.number;
  const repo = env.GITHUB_REPOSITORY || payload.repository?.full_name;
  if (!number || !repo)
    throw new InputError(`the ${event} event payload has no pull request number or repository`);
  if (payload.action === "closed") {
    runner.notice(`pull request #${number} is closed: nothing to check.`);
    return 0;
  }
  const inputs = readInputs(runner);
  if (inputs.comment !== "off")
    requireCommentAuthor(inputs.token, inputs.commentAuthor, "input comment-author");
  const plan = inputs.plan ? context.readPlan((0, import_node_path2.resolve)(env.GITHUB_WORKSPACE ?? ".", inputs.plan)) : void 0;
  const headRepo = payload.pull_request?.head?.repo?.full_name;
  const fromFork = headRepo !== void 0 && headRepo.toLowerCase() !== repo.toLowerCase();
  const readOnlyExpected = event === "pull_request" && (fromFork || env.GITHUB_ACTOR === "dependabot[bot]");
  const log = {
    debug: () => {
    },
    info: runner.info,
    warn: runner.warning,
    error: runner.error
  };
  const port = context.createPort(inputs.token, env.GITHUB_API_URL, log);
  const result = await reviewPullRequest(port, {
    repo,
    number,
    deps: inputs.deps,
    post: true,
    comment: inputs.comment,
    postWhenEmpty: inputs.postWhenEmpty,
    mentionOwners: inputs.mentionOwners,
    labels: inputs.labels,
    requestReviewers: inputs.requestReviewers,
    failOn: inputs.failOn,
    acknowledgeLabel: inputs.acknowledgeLabel,
    commentAuthor: inputs.commentAuthor,
    maxDepth: inputs.maxDepth,
    onIncomplete: inputs.onIncomplete,
    ...runUrl(env) ? { run: runUrl(env) } : {},
    localDiff: localDiffIn(env.GITHUB_WORKSPACE),
    ...plan ? { plan } : {}
  });
  return report(context, runner, result, readOnlyExpected, port.requestCount());
}
async function runReport(context, runner) {
  const { env } = context;
  const token = runner.input("token");
  if (!token) throw new InputError("input token is empty");
  const repos = (runner.input("repos") || env.GITHUB_REPOSITORY || "").split(/[\s,]+/).filter(Boolean);
  if (repos.length === 0)
    throw new InputError("input repos is empty and GITHUB_REPOSITORY is not set");
  const now = Math.floor(Date.now() / 1e3);
  const since = parseSince(runner.input("since") || "7d", now, "input since");
  const deps = parseDepsLocation(runner.input("deps") || "deps.yaml");
  const log = {
    debug: () => {
    },
    info: runner.info,
    warn: runner.warning,
    error: runner.error
  };
  const port = context.createPort(token, env.GITHUB_API_URL, log);
  const depsRepo = deps.repo ?? repos[0];
  const loaded = modelFromLoad(
    await loadRemoteDeps(deps.path, fetchFrom(port, depsRepo, deps.ref), depsRepo)
  );
  const commentAuthor = runner.input("comment-author");
  const report2 = await reportMergedPullRequests(port, loaded.model, repos, {
    since,
    until: now,
    // Only our own comments' analyses count: the login our review runs write as.
    ...commentAuthor ? { commentAuthor } : {}
  });
  const reportPath = (0, import_node_path2.join)(env.RUNNER_TEMP || (0, import_node_os.tmpdir)(), "blastradius-report.json");
  context.writeFile(reportPath, `${JSON.stringify(reportToJson(report2), null, 2)}
`);
  const markdown = renderReportMarkdown(report2, void 0, "the report-path output (JSON)");
  runner.appendSummary(markdown);
  runner.setOutput("report-path", reportPath);
  runner.setOutput("changes", String(report2.headline.changes));
  runner.setOutput("impacted-changes", String(report2.headline.withImpact));
  runner.info(
    `blastradius: ${report2.headline.withImpact} of ${report2.headline.changes} merged pull requests had downstream impact; ${port.requestCount()} GitHub API request(s)`
  );
  if ((runner.input("post-issue") || "true") === "true") {
    try {
      const posted = await postReportIssue(port, repos[0], report2, markdown);
      runner.info(`report issue ${posted.action}: ${posted.issue.url}`);
      runner.setOutput("issue-url", posted.issue.url);
    } catch (error) {
      if (error instanceof GitHubApiError && error.isPermission) {
        runner.error(
          `${error.message}: the token lacks ${error.permission}. Add to the workflow:
${PERMISSIONS_BLOCK}
The report is in the job summary.`
        );
        return 1;
      }
      throw error;
    }
  }
  return 0;
}
function runUrl(env) {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
  if (!server || !repo || !id || !/^\d+$/.test(id)) return void 0;
  const attempt2 = env.GITHUB_RUN_ATTEMPT;
  return `${server}/${repo}/actions/runs/${id}${attempt2 && /^\d+$/.test(attempt2) ? `/attempts/${attempt2}` : ""}`;
}
function readEvent(context, path) {
  let text4;
  try {
    text4 = context.readFile(path);
  } catch (error) {
    throw new InputError(`cannot read the event payload ${path}: ${error.message}`);
  }
  try {
    return JSON.parse(text4);
  } catch {
    throw new InputError(`the event payload ${path} is not JSON`);
  }
}
function report(context, runner, result, readOnlyExpected, requests) {
  const { impact, pull } = result.analysis;
  let failed = false;
  const reportPath = (0, import_node_path2.join)(
    context.env.RUNNER_TEMP || (0, import_node_os.tmpdir)(),
    `blastradius-pr-${pull.number}.json`
  );
  context.writeFile(reportPath, renderJson(impact));
  runner.setOutput("risk", impact.risk);
  runner.setOutput("impacted-count", String(impact.impacted.length));
  runner.setOutput("unjudged-count", String(impact.unjudged.length));
  runner.setOutput("owners", impact.owners.flatMap((o) => o.id ? [o.id] : []).join(","));
  runner.setOutput("report-path", reportPath);
  runner.setOutput("comment-url", result.comment?.url ?? "");
  runner.appendSummary(result.body);
  runner.info(
    `blastradius: ${impact.risk} risk; ${impact.changed.length} changed node(s), ${impact.impacted.length} impacted, graph from ${result.analysis.graphSource}; ${requests} GitHub API request(s)`
  );
  for (const note of result.notes) {
    if (note.level === "warning") runner.warning(note.text);
    else runner.info(note.text);
  }
  const comment = result.comment;
  if (comment) {
    const said2 = {
      created: "comment posted",
      updated: "comment updated",
      recreated: "comment posted again at the end of the conversation",
      unchanged: "comment unchanged: nothing to update",
      "skipped-newer": "comment left as it is: a newer run already wrote it",
      "skipped-no-impact": "no comment: nothing is impacted (comment-when: impact)"
    };
    runner.info(`${said2[comment.action]}${comment.url ? `: ${comment.url}` : ""}`);
  }
  if (result.labelsAdded.length + result.labelsRemoved.length > 0) {
    runner.info(
      `labels: added ${result.labelsAdded.join(", ") || "none"}; removed ${result.labelsRemoved.join(", ") || "none"}`
    );
  }
  if (result.reviewersRequested.length > 0)
    runner.info(`review requested from ${result.reviewersRequested.join(", ")}`);
  for (const { step, error } of result.problems) {
    if (step === "reviewers") {
      runner.warning(
        `${error.message}. Teams can be requested only with a token that can read the organisation's teams (the default GITHUB_TOKEN cannot); the rest of the review went on.`
      );
    } else if (error.isPermission && readOnlyExpected) {
      runner.notice(
        `${error.message}: on pull_request, GitHub gives runs for forks and Dependabot a read-only token. The analysis is in the job summary. To comment on pull requests from forks, run on pull_request_target: blastradius never checks out or runs the pull request's code.`
      );
    } else if (error.isPermission) {
      failed = true;
      runner.error(
        `${error.message}: the token lacks ${error.permission}. Add to the workflow or job:
${PERMISSIONS_BLOCK}
The analysis is in the job summary.`
      );
    } else {
      failed = true;
      runner.error(
        `${error.message}${error.hint ? ` (${error.hint})` : ""}. The analysis is in the job summary.`
      );
    }
  }
  const gate = result.gate;
  const unjudged = impact.unjudged.length;
  if (unjudged > 0)
    runner.warning(
      `blastradius: the analysis is incomplete: ${unjudged} ${unjudged === 1 ? "thing" : "things"} could not be judged (${impact.unjudged.slice(0, 5).map((u) => u.file ? `${u.file}: ${u.reason}` : u.reason).join("; ")}${unjudged > 5 ? "; \u2026" : ""}). The comment lists them all.`
    );
  const said = describeGate(gate, impact.risk, result.failOn, result.acknowledgementRemoved);
  if (said && gate.verdict === "acknowledged") runner.notice(`blastradius: ${said}`);
  else if (said) {
    failed = true;
    runner.error(`blastradius: ${said}`);
  }
  return failed ? 1 : 0;
}
function fail2(runner, error) {
  if (error instanceof InvalidDepsError) {
    for (const diagnostic of error.errors) runner.info(formatDiagnostic(diagnostic));
    const first = error.errors[0];
    if (first?.code === "file-not-found" && error.errors.length === 1) {
      runner.error(
        `blastradius: ${first.file} does not exist at the pull request's base (${first.message}). Add a deps.yaml to the default branch (the README shows one), or point the deps input at yours. Nothing was posted.`
      );
      return 1;
    }
    if (error.fromPullRequest) {
      runner.error(
        `blastradius: the pull request adds ${first?.file ?? "the dependency graph"}, and it does not load (${error.message}${first ? `; first: ${formatDiagnostic(first)}` : ""}). Nothing was posted. \`blastradius validate\` shows every error.`
      );
      return 1;
    }
    runner.error(
      `blastradius: the dependency graph at the pull request's base does not load (${error.message}${first ? `; first: ${formatDiagnostic(first)}` : ""}). Nothing was posted. Fix deps.yaml on the base branch; \`blastradius validate\` shows every error.`
    );
    runner.appendSummary(
      `### blastradius: the dependency graph does not load

${error.errors.map((d) => `- \`${formatDiagnostic(d).replace(/`/g, "'")}\``).join("\n")}
`
    );
    return 1;
  }
  if (error instanceof InputError) {
    runner.error(`blastradius: ${error.message}${error.hint ? `. ${error.hint}` : ""}`);
    return 1;
  }
  if (error instanceof GitHubApiError) {
    const hint = error.status === 404 ? " (the pull request or file does not exist, or the token cannot see it)" : error.status === 401 ? " (the token was refused)" : error.isPermission ? `: the token lacks ${error.permission}. Add to the workflow:
${PERMISSIONS_BLOCK}` : "";
    runner.error(`blastradius: ${error.message}${hint}`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  runner.error(`blastradius: internal error: ${message}. Please report it.`);
  return 1;
}

// src/action/main.ts
void runAction({
  env: process.env,
  write: (text4) => process.stdout.write(text4),
  readFile: (path) => (0, import_node_fs3.readFileSync)(path, "utf8"),
  writeFile: (path, text4) => (0, import_node_fs3.writeFileSync)(path, text4, "utf8"),
  createPort: (token, baseUrl, log) => octokitPort(createGitHubClient({ token, baseUrl, log })),
  readPlan: readPlanFile
}).then((code2) => {
  process.exitCode = code2;
});
