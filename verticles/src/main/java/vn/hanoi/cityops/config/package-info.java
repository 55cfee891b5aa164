/**
 * The ground floor's configuration: {@link vn.hanoi.cityops.config.AppConfig} reads the bundled {@code cityops.json},
 * an optional file and the {@code CITYOPS_*} environment, and parses and range-checks every value once, at load (a
 * bad value stops the start naming the key and its variable); every key is in
 * {@link vn.hanoi.cityops.config.ConfigKeys}. Imports nothing of cityops.
 */
package vn.hanoi.cityops.config;
