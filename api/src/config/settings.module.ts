import { Global, Module } from '@nestjs/common';
import { loadSettings, type Settings } from '@crosschat/core';

export const SETTINGS = Symbol('SETTINGS');

@Global()
@Module({})
export class SettingsModule {
  static forRoot(settings: Settings = loadSettings()) {
    return { module: SettingsModule, providers: [{ provide: SETTINGS, useValue: settings }], exports: [SETTINGS] };
  }
}
