export * from './evaluation.module';
export * from './application/assignments.service';
export * from './application/evaluations.service';
export { PanelService } from './application/panel.service';
export * from './domain/evaluation';
