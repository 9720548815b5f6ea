import { CreateKnowledgeSearchIndex1796000100000 } from '../search/migrations/1796000100000-CreateKnowledgeSearchIndex';
import { CreateKnowledgeBase1796000000000 } from './1796000000000-CreateKnowledgeBase';

/** The knowledge base service's migrations, in order (never edit one that has been committed: add another). */
export const knowledgeMigrations = [CreateKnowledgeBase1796000000000, CreateKnowledgeSearchIndex1796000100000];
